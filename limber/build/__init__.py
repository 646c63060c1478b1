"""The build itself: stages 1-3 run and kept, the pipeline, its cache and the writing of the site."""
