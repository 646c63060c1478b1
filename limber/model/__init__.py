"""The typed records content becomes (records), their fields, the vocabularies, the dosage and the site's settings."""
