"""The search page in a real headless Chromium, over the real guide served under a sub-path.

The client (assets/js/search.js) is what runs here: typed queries, filters and their counts,
deep links, the keyboard, the live region, hostile input, a strict Content-Security-Policy
and the page without JavaScript.
"""

import json
import re
import urllib.request
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

# A reader's query (half with typos, some by a common name or abbreviation) and the exercise
# or routine that must come first.
RELEVANCE = [
    # typos
    ("trapezus", "exercises/upper-trapezius-stretch/"),
    ("thred the needle", "exercises/thread-the-needle/"),
    ("sholder rolls", "exercises/shoulder-rolls/"),
    ("chin tuk", "exercises/chin-tuck/"),
    ("levator scapula strech", "exercises/levator-scapulae-stretch/"),
    ("seated hamstirng", "exercises/seated-hamstring-stretch/"),
    ("doorway chest strech", "exercises/doorway-chest-stretch/"),
    ("pigon pose", "exercises/pigeon-pose/"),
    ("wall angles", "exercises/wall-angels/"),
    ("cat cow stretsh", "exercises/cat-cow/"),
    ("open boook", "exercises/open-book/"),
    ("tricep strech overhead", "exercises/overhead-triceps-stretch/"),
    ("glute brige", "exercises/glute-bridge/"),
    ("scalene strech", "exercises/scalene-stretch/"),
    ("neck rotatoins", "exercises/neck-rotation/"),
    ("kneeling hip fexor", "exercises/kneeling-hip-flexor-stretch/"),
    # common names and abbreviations (content/glossary.yaml)
    ("ql seated", "exercises/seated-side-bend/"),
    ("upper trap", "exercises/upper-trapezius-stretch/"),
    ("pecs doorway", "exercises/doorway-chest-stretch/"),
    ("hammies lying", "exercises/lying-hamstring-stretch/"),
    ("psoas kneeling", "exercises/kneeling-hip-flexor-stretch/"),
    ("theraband row", "exercises/band-row/"),
    ("tennis ball", "exercises/ball-release-shoulder-blades/"),
    ("swiss ball", "exercises/exercise-ball-back-stretch/"),
    ("tech neck", "routines/tech-neck-reset/"),
    # spelling variants and plain words
    ("pull apart", "exercises/band-pull-apart/"),
    ("pull-apart", "exercises/band-pull-apart/"),
    ("pullapart", "exercises/band-pull-apart/"),
    ("prone ytw", "exercises/prone-ytw/"),
    ("child pose", "exercises/childs-pose/"),
    ("knee to chest", "exercises/knee-to-chest/"),
    ("quad stretch", "exercises/standing-quadriceps-stretch/"),
]
# What a reader in discomfort types: a situation, a feeling and where (content/glossary.yaml
# names the situations), and the routine or exercise a physiotherapist would suggest first.
SITUATIONS = [
    ("stiff neck", "routines/neck-relief/"),
    ("neck pain at my desk", "routines/neck-relief/"),
    ("sore neck from looking at my phone", "routines/tech-neck-reset/"),
    ("cant turn my head", "exercises/neck-rotation/"),
    ("something to help me sleep", "routines/evening-wind-down/"),
    ("stretches before bed", "routines/evening-wind-down/"),
    ("wind down at night", "routines/evening-wind-down/"),
    ("relax before sleep", "routines/evening-wind-down/"),
    ("stiff back in the morning", "routines/morning-stiffness-without-the-floor/"),
    ("lower back tight after sitting", "routines/lower-back-desk-break/"),
    ("tight hips from sitting all day", "routines/lower-back-desk-break/"),
    ("stiff upper back from sitting", "exercises/seated-extension/"),
    ("tight chest from desk work", "exercises/doorway-chest-stretch/"),
    ("rotator cuff", "exercises/band-external-rotation/"),
    ("back pain", "routines/gentle-back-flare-up-day/"),
    ("lower back flare up", "routines/gentle-back-flare-up-day/"),
    ("gentle stretches for a sore lower back", "routines/gentle-back-flare-up-day/"),
    ("after a run", "routines/after-a-walk-or-run/"),
    ("sore legs after running", "routines/after-a-walk-or-run/"),
    ("tight calves after walking", "routines/after-a-walk-or-run/"),
    ("getting up off the floor", "routines/down-to-the-floor-and-up/"),
    ("sore knees", "routines/knees/"),
    ("tight hamstrings", "exercises/lying-hamstring-stretch/"),
    # more in a reader's own words; where a physiotherapist would be as glad of either, both
    ("mouse arm", "routines/keyboard-break/"),
    ("stiff shoulders in the morning", "routines/morning-mobility/"),
    ("hunched over a computer", "routines/desk-break/"),
    ("sore shoulder blade at my desk", "routines/desk-break/"),
    ("cramped from driving all day", "routines/lower-back-desk-break/"),
    (
        "rounded shoulders",
        ("exercises/band-pull-apart/", "exercises/doorway-chest-stretch/", "routines/posture-strength/"),
    ),
    ("weak knees on the stairs", ("routines/knees/", "exercises/step-up/")),
    ("knees hurt when I squat", "routines/knees/"),
    ("hard to get up from a chair", "exercises/sit-to-stand/"),
    ("stiff hips when I stand up", "routines/stand-up-hips-and-legs/"),
    ("my balance is getting worse", "routines/chair-and-balance/"),
    ("worried about falling", "routines/chair-and-balance/"),
    ("trouble falling asleep", "routines/evening-wind-down/"),
    ("calm breathing", "exercises/belly-breathing/"),
    ("after a long hike", "routines/after-a-walk-or-run/"),
    ("aching legs after a walk", "routines/after-a-walk-or-run/"),
    ("back spasm", "routines/gentle-back-flare-up-day/"),
    ("put my back out lifting", "routines/gentle-back-flare-up-day/"),
]
# Symptoms that may need a health professional: the safety advice comes first, then what the
# glossary entry leads to (the safety page itself, or gentle moves), never an empty page.
SYMPTOMS = [
    ("sciatica", None),
    ("pain down my leg", None),
    ("headache", None),
    ("tension headache", None),
    ("migraine", None),
    ("numbness in my hand", "safety/"),
    ("pins and needles", "safety/"),
    ("tingling fingers", "safety/"),
    ("carpal tunnel", "safety/"),
    ("trapped nerve in my neck", "safety/"),
    ("dizzy", "safety/"),
    ("vertigo", "safety/"),
    ("lightheaded when I stand up", "safety/"),
    ("chest pain", "safety/"),
    ("wobbly on my feet", "routines/chair-and-balance/"),
    ("fear of falling", "routines/chair-and-balance/"),
    ("tingling in my arm", "safety/"),
    ("my hand goes numb at night", "safety/"),
    ("nerve pain down my arm", "safety/"),
    ("feel faint", "safety/"),
    ("pain in my chest when I breathe", "safety/"),
    ("migraine behind my eyes", None),
    ("shooting pain in my buttock and leg", None),
]
# The issue that asked for these gave a few examples; the rest are the guide's own.
FROM_THE_ISSUE = {
    "stiff neck", "lower back tight after sitting", "tight hips from sitting all day",
    "tight chest from desk work", "rotator cuff", "sciatica", "headache", "dizzy",
}  # fmt: skip
PAYLOADS = ["<img src=x onerror=alert(1);window.__xss=1>", '"><svg onload=alert(1);window.__xss=1>']
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
)


def watch(page):
    """Collect console errors, uncaught errors and dialogs on *page*."""
    page.console_errors = []
    page.dialogs = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))

    def dialog(d):
        page.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return page


@pytest.fixture
def reader(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = watch(context.new_page())
    yield page
    assert page.console_errors == []
    assert page.dialogs == []
    context.close()


@pytest.fixture(scope="module")
def shared_search(browser, site_url):
    """One search page kept open for the relevance queries."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = watch(context.new_page())
    open_search(page, site_url)
    yield page
    assert page.console_errors == []
    context.close()


@pytest.fixture(scope="module")
def search_data(site_url):
    with urllib.request.urlopen(site_url + "search/index.json") as response:
        return json.load(response)


def open_search(page, site_url, query=""):
    page.goto(site_url + "search/" + query)
    page.wait_for_selector("#search[data-ready]")
    return page


def result_urls(page):
    return page.eval_on_selector_all("#search-results .search-result__title a", "els => els.map(a => a.href)")


def status_count(page):
    status = page.locator("#search-status")
    expect(status).to_have_text(re.compile(r"^(\d+) results?|^No results|^Nothing matches"))
    found = re.match(r"(\d+)", status.inner_text())
    return int(found.group(1)) if found else 0


def open_filters(page):
    if not page.locator("#search-filters").evaluate("details => details.open"):
        page.locator("#search-filters summary").click()


def option(page, facet, name):
    return page.locator(f"#search-facets fieldset:has(legend:text-is('{facet}')) label", has_text=name).first


def option_count(page, facet, name):
    count = option(page, facet, name).locator(".search__count")
    expect(count).to_have_text(re.compile(r"^\(\d+\)$"))  # counts fill in when the filters open
    return int(count.inner_text().strip("()"))


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_a_readers_query_puts_the_intended_page_first(shared_search, site_url, query, expected):
    shared_search.fill("#search-q", query)

    assert result_urls(shared_search)[0] == site_url + expected


@pytest.mark.parametrize(("query", "expected"), SITUATIONS)
def test_a_situation_puts_what_a_physiotherapist_would_suggest_first(
    shared_search, site_url, query, expected
):
    shared_search.fill("#search-q", query)

    accepted = [site_url + path for path in ((expected,) if isinstance(expected, str) else expected)]
    assert result_urls(shared_search)[0] in accepted
    expect(shared_search.locator("#search-advice")).to_be_hidden()


def glossary_names_of(search_data, url):
    """The glossary names the search data gives the record at *url* (a URL under the site)."""
    record = next(r for r in search_data["records"] if r["url"] == url)
    return set(record.get("keywords", []))


@pytest.mark.parametrize(("query", "expected"), SYMPTOMS)
def test_a_symptom_shows_the_safety_advice_first_then_gentle_results(
    shared_search, site_url, search_data, query, expected
):
    shared_search.fill("#search-q", query)

    advice = shared_search.locator("#search-advice")
    expect(advice).to_be_visible()
    link = advice.get_by_role("link", name="Read the safety page")
    assert link.get_attribute("href") == search_data["advice"]["url"]
    entries = [e for e in search_data["advice"]["entries"] if e["text"] in advice.inner_text()]
    assert entries  # the advice shown is a glossary entry's
    box = advice.bounding_box()
    first = shared_search.locator("#search-results .search-result").first.bounding_box()
    assert box["y"] + box["height"] <= first["y"]  # the advice comes before the results
    urls = result_urls(shared_search)
    assert urls
    names = {name for entry in entries for name in entry["names"]}
    first_path = urls[0][len(site_url) - len(urlsplit(site_url).path) :]
    assert glossary_names_of(search_data, first_path) & names  # what the entry leads to comes first
    if expected:
        assert urls[0] == site_url + expected


def test_a_short_word_the_guide_uses_is_not_read_as_a_typo(shared_search):
    shared_search.fill("#search-q", "tight")

    marked = shared_search.eval_on_selector_all("#search-results mark", "els => els.map(e => e.textContent)")
    assert marked
    assert all(m.lower().startswith("tight") for m in marked), marked  # never "light"


def test_the_relevance_set_has_enough_typos_and_common_names():
    typos = RELEVANCE[:16]
    names = RELEVANCE[16:25]

    assert len(RELEVANCE) >= 25
    own = [q for q, _ in SITUATIONS + SYMPTOMS if q not in FROM_THE_ISSUE]
    assert len(own) >= 30 and len(set(own)) == len(own)
    assert len(typos) >= len(RELEVANCE) / 2
    assert len(names) >= 5


def test_results_appear_as_you_type_and_survive_typos(reader, site_url):
    open_search(reader, site_url)
    box = reader.get_by_role("searchbox", name="Search exercises, routines and pages")

    box.press_sequentially("sho")
    after_three = result_urls(reader)
    box.press_sequentially("lder rols")

    assert after_three  # prefix matching: "sho" already finds shoulder exercises
    assert result_urls(reader)[0] == site_url + "exercises/shoulder-rolls/"
    first = reader.locator("#search-results li").first
    expect(first.locator(".search-result__facts")).to_have_text(
        "Exercise · About 1 min · Beginner · No equipment"
    )
    assert first.locator(".search-result__title mark").all_inner_texts() == ["Shoulder", "rolls"]


def test_matched_words_in_the_snippet_are_highlighted_and_aliases_shown(reader, site_url):
    open_search(reader, site_url, "?q=nose+armpit")

    first = reader.locator("#search-results li").first
    expect(first.locator(".search-result__title a")).to_have_text("Levator scapulae stretch")
    expect(first.locator(".search-result__alias")).to_have_text("Also called Nose-to-armpit stretch")
    assert first.locator(".search-result__alias mark").all_inner_texts() == ["Nose-to-armpit"]


def test_a_word_in_a_title_or_alias_ranks_above_the_same_word_in_body_text(reader, site_url):
    open_search(reader, site_url, "?q=armpit")

    urls = result_urls(reader)

    alias = urls.index(site_url + "exercises/levator-scapulae-stretch/")  # "Nose-to-armpit stretch"
    body = urls.index(site_url + "exercises/puppy-pose/")  # "... runs through the armpits"
    assert alias == 0 < body


def test_the_result_count_is_read_out_in_a_live_region(reader, site_url, search_data):
    open_search(reader, site_url)

    reader.fill("#search-q", "swiss ball")

    live = reader.get_by_role("status")
    expect(live).to_have_text(re.compile(r"^\d+ results? for “swiss ball”\.$"))
    assert live.get_attribute("aria-live") == "polite"
    shown = reader.locator("#search-results .search-result").count()
    more = reader.locator("#search-more").is_visible()
    count = int(live.inner_text().split()[0])
    assert count == shown or (more and count > shown)  # the number read out is the number found
    expect(reader.locator("#search-status")).to_have_text(live.inner_text())


def test_filters_alone_list_what_matches_and_their_counts_match_the_data(reader, site_url, search_data):
    records = search_data["records"]
    upper_back = [r for r in records if "upper-back" in r.get("areas", ())]
    household = {t["slug"] for t in search_data["terms"]["equipment"] if t["household"]}
    nothing_to_buy = [r for r in upper_back if set(r["equipment"]) <= household]
    open_search(reader, site_url)
    open_filters(reader)

    assert option_count(reader, "Body area", "Upper back") == len(upper_back)
    option(reader, "Body area", "Upper back").click()
    assert status_count(reader) == len(upper_back)
    assert option_count(reader, "Good to know", "Nothing to buy") == len(nothing_to_buy)
    option(reader, "Good to know", "Nothing to buy").click()

    assert status_count(reader) == len(nothing_to_buy) < len(upper_back)
    while reader.locator("#search-more-button").is_visible():
        reader.locator("#search-more-button").click()
    shown = {u.removeprefix(site_url) for u in result_urls(reader)}
    assert shown == {r["url"].removeprefix("/guide/") for r in nothing_to_buy}
    assert reader.url == site_url + "search/?area=upper-back&only=household"


def test_counts_follow_the_query_and_time_and_desk_filters_narrow(reader, site_url, search_data):
    terms = search_data["terms"]
    desk = {t["slug"] for t in terms["positions"] if t.get("desk")}
    household = {t["slug"] for t in terms["equipment"] if t["household"]}

    def desk_friendly(r):
        positions = [r["position"]] if "position" in r else r.get("positions", [])
        return r["kind"] != "page" and set(positions) <= desk and set(r["equipment"]) <= household

    open_search(reader, site_url, "?q=stretch")
    open_filters(reader)
    all_results = status_count(reader)
    desk_count = option_count(reader, "Good to know", "Desk-friendly")
    short_count = option_count(reader, "Time needed", "5 min or less")

    option(reader, "Good to know", "Desk-friendly").click()
    assert status_count(reader) == desk_count < all_results
    option(reader, "Time needed", "5 min or less").click()
    narrowed = status_count(reader)

    assert narrowed <= min(desk_count, short_count)
    by_url = {r["url"]: r for r in search_data["records"]}
    for url in result_urls(reader):
        record = by_url["/guide/" + url.removeprefix(site_url)]
        assert desk_friendly(record) and -(-record["time"] // 60) <= 5


def test_a_deep_link_reproduces_the_results_and_the_back_button_undoes_a_filter(reader, site_url):
    open_search(reader, site_url, "?q=thred+the+needle&level=beginner")

    assert reader.input_value("#search-q") == "thred the needle"
    assert result_urls(reader)[0] == site_url + "exercises/thread-the-needle/"
    open_filters(reader)
    assert option(reader, "Level", "Beginner").locator("input").is_checked()
    option(reader, "Level", "Beginner").click()
    assert reader.url == site_url + "search/?q=thred+the+needle"
    reader.go_back()

    expect(reader).to_have_url(site_url + "search/?q=thred+the+needle&level=beginner")
    expect(option(reader, "Level", "Beginner").locator("input")).to_be_checked()


def test_back_from_a_result_returns_to_the_typed_search(reader, site_url):
    reader.goto(site_url + "exercises/")
    open_search(reader, site_url)
    reader.locator("#search-q").press_sequentially("wrist flexer")
    first = reader.locator("#search-results .search-result__title a").first

    first.click()
    expect(reader).to_have_url(site_url + "exercises/wrist-flexor-stretch/")
    reader.go_back()

    expect(reader).to_have_url(site_url + "search/?q=wrist+flexer")
    reader.wait_for_selector("#search[data-ready]")
    assert reader.input_value("#search-q") == "wrist flexer"
    assert result_urls(reader)[0] == site_url + "exercises/wrist-flexor-stretch/"
    reader.go_back()  # the typing made one history entry: one step back leaves the search
    expect(reader).to_have_url(site_url + "search/")


def test_the_header_box_on_any_page_submits_to_the_search_page(reader, site_url):
    reader.goto(site_url + "exercises/chin-tuck/")

    box = reader.get_by_role("combobox", name="Search the guide")
    box.fill("upper trap")
    box.press("Enter")

    expect(reader).to_have_url(site_url + "search/?q=upper+trap")
    reader.wait_for_selector("#search[data-ready]")
    assert result_urls(reader)[0] == site_url + "exercises/upper-trapezius-stretch/"


def titles_on_the_search_page(browser, site_url, query):
    """The result titles the search page shows for *query*, and its count."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = open_search(context.new_page(), site_url, "?q=" + quote(query))
    titles = page.eval_on_selector_all(
        "#search-results .search-result__title a", "els => els.map(a => a.textContent)"
    )
    count = status_count(page)
    context.close()
    return titles, count


def typeahead(reader, site_url, query, page="exercises/chin-tuck/"):
    """*query* typed into the header box of *page*; the box and its list of options."""
    reader.goto(site_url + page)
    box = reader.get_by_role("combobox", name="Search the guide")
    box.press_sequentially(query)
    listbox = reader.get_by_role("listbox", name="Results as you type")
    expect(listbox).to_be_visible()
    return box, listbox


def test_the_header_box_loads_the_search_data_only_when_used(reader, site_url):
    fetched = []
    reader.on("request", lambda request: fetched.append(request.url))
    reader.goto(site_url + "exercises/chin-tuck/")
    reader.wait_for_load_state("networkidle")
    unused = list(fetched)

    reader.get_by_role("combobox", name="Search the guide").focus()

    expect(reader.get_by_role("combobox", name="Search the guide")).to_have_attribute(
        "aria-expanded", "false"
    )
    reader.wait_for_load_state("networkidle")
    assert site_url + "search/index.json" not in unused
    assert site_url + "search/index.json" in fetched


@pytest.mark.parametrize("query", ["stiff neck", "hamstirng", "before bed"])
def test_the_header_box_shows_the_search_pages_first_results_as_you_type(browser, reader, site_url, query):
    titles, count = titles_on_the_search_page(browser, site_url, query)

    box, listbox = typeahead(reader, site_url, query)

    options = listbox.get_by_role("option")
    expect(options.last).to_have_text(f"See all {count} results for “{query}”")
    shown = [o.locator(".search-box__title").inner_text() for o in options.all()[:-1]]
    assert 3 <= len(shown) <= 5 and shown == titles[: len(shown)]
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(reader.locator("form.search-box [role=status]")).to_have_text(re.compile(rf"^{count} results"))


def test_the_header_box_arrow_keys_choose_enter_opens_escape_closes(browser, reader, site_url):
    titles, _ = titles_on_the_search_page(browser, site_url, "shoulder")
    box, listbox = typeahead(reader, site_url, "shoulder")
    options = listbox.get_by_role("option")

    box.press("ArrowDown")
    box.press("ArrowDown")
    expect(box).to_be_focused()
    second = options.nth(1)
    expect(box).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    expect(second).to_have_attribute("aria-selected", "true")
    box.press("ArrowUp")
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.input_value() == "shoulder"  # Escape closes the list; the words stay
    box.press("ArrowDown")  # opens it again
    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("Enter")

    expect(reader.locator("h1")).to_have_text(titles[1])


def test_the_header_box_without_a_choice_goes_to_the_search_page_and_a_click_opens_an_option(
    reader, site_url
):
    box, listbox = typeahead(reader, site_url, "neck relief", page="")
    first = listbox.get_by_role("option").first.locator(".search-box__title").inner_text()
    listbox.get_by_role("option").first.click()
    expect(reader.locator("h1")).to_have_text(first)

    box, _ = typeahead(reader, site_url, "neck relief", page="")
    box.press("Enter")
    expect(reader).to_have_url(site_url + "search/?q=neck+relief")


def test_the_header_box_puts_the_safety_advice_first_for_a_symptom(reader, site_url, search_data):
    _, listbox = typeahead(reader, site_url, "pins and needles")

    first = listbox.get_by_role("option").first
    expect(first).to_have_text(re.compile("safety advice"))
    first.click()

    expect(reader).to_have_url(urlsplit(site_url)._replace(path=search_data["advice"]["url"]).geturl())


def test_arrow_keys_move_through_results_and_enter_opens_one(reader, site_url):
    open_search(reader, site_url, "?q=neck")
    box = reader.locator("#search-q")
    box.focus()
    urls = result_urls(reader)

    box.press("ArrowDown")
    reader.keyboard.press("ArrowDown")
    assert reader.evaluate("document.activeElement.href") == urls[1]
    reader.keyboard.press("ArrowUp")
    reader.keyboard.press("ArrowUp")
    assert reader.evaluate("document.activeElement.id") == "search-q"
    reader.keyboard.press("ArrowDown")
    reader.keyboard.press("Enter")

    expect(reader).to_have_url(urls[0])


def test_no_results_offers_a_close_spelling_and_the_category_indexes(reader, site_url):
    open_search(reader, site_url)

    reader.fill("#search-q", "sholdr")

    expect(reader.locator("#search-status")).to_have_text("No results for “sholdr”.")
    empty = reader.locator("#search-empty")
    expect(empty.get_by_role("link", name="Body areas")).to_be_visible()
    expect(empty.get_by_role("link", name="Exercises A–Z")).to_be_visible()
    suggestion = reader.locator("#search-suggestion-link")
    expect(suggestion).to_have_text("shoulder")
    suggestion.click()
    assert reader.input_value("#search-q") == "shoulder"
    assert status_count(reader) > 0


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_typed_into_the_box_stays_text(reader, site_url, payload):
    open_search(reader, site_url)

    reader.fill("#search-q", payload)

    expect(reader.locator("#search-status")).to_contain_text(payload)
    assert reader.evaluate("window.__xss") is None
    assert reader.locator("#search img, #search svg").count() == 0
    assert reader.dialogs == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_the_address_stays_text(reader, site_url, payload):
    open_search(reader, site_url, f"?q={quote(payload)}&area={quote(payload)}#{quote(payload)}")

    assert reader.input_value("#search-q") == payload
    expect(reader.locator("#search-status")).to_contain_text(payload)
    reader.wait_for_timeout(200)  # let any injected handler fire
    assert reader.evaluate("window.__xss") is None
    assert reader.locator("#search img, #search svg").count() == 0
    assert reader.dialogs == []


def test_search_works_under_a_strict_content_security_policy(reader, site_url):
    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    reader.route("**/*", with_csp)
    reader.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => (window.__violations = window.__violations || []).push(e.violatedDirective))"
    )
    open_search(reader, site_url, "?q=chin+tuk")

    assert result_urls(reader)[0] == site_url + "exercises/chin-tuck/"
    assert reader.evaluate("window.__violations") is None
    assert reader.console_errors == []  # a blocked script or style is reported here too
    # A request still in the handler when the page closes (the favicon) must not fail the next test.
    reader.unroute_all(behavior="ignoreErrors")


def test_without_javascript_the_page_says_so_and_links_to_the_indexes(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(site_url + "search/?q=neck")

    fallback = page.locator("#search-fallback")
    expect(fallback).to_contain_text("No words can be searched here just now")
    expect(fallback).to_contain_text("Search works in your browser with JavaScript")
    expect(fallback.get_by_role("link", name="Body areas")).to_be_visible()
    expect(fallback.get_by_role("link", name="Routines")).to_be_visible()
    expect(fallback.get_by_role("link", name="read the safety page")).to_have_attribute(
        "href", re.compile("safety/$")
    )
    expect(page.locator("#search-app")).to_be_hidden()
    fallback.get_by_role("link", name="Neck", exact=True).click()
    expect(page).to_have_url(site_url + "areas/neck/")
    context.close()


@pytest.mark.parametrize(
    ("start", "name"), [("search/", "Search exercises, routines and pages"), ("", "Search the guide")]
)
def test_without_javascript_a_search_form_sends_the_words_to_the_search_page(browser, site_url, start, name):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + start)

    box = page.get_by_role("searchbox", name=name)
    box.fill("stiff neck")
    box.press("Enter")

    expect(page).to_have_url(site_url + "search/?q=stiff+neck")
    expect(page.locator("#search-fallback")).to_be_visible()
    context.close()


def test_the_search_page_fits_a_phone_screen(phone, site_url):
    open_search(phone, site_url, "?q=shoulder&area=shoulders")
    open_filters(phone)

    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.console_errors == []


def test_on_a_phone_the_filters_leave_out_empty_options_and_show_n_results_goes_to_them(phone, site_url):
    open_search(phone, site_url, "?q=neck")
    open_filters(phone)
    button = phone.locator("#search-show")
    expect(button).to_have_text(re.compile(r"^Show \d+ results?$"))
    shown = int(button.inner_text().split()[1])
    empty = phone.locator("#search-facets .search__option.is-empty")
    full = phone.locator("#search-facets .search__option:not(.is-empty)")

    button.click()

    assert shown == status_count(phone)
    assert empty.count() > 0 and not any(option.is_visible() for option in empty.all())
    assert full.count() > 0
    assert not phone.locator("#search-filters").evaluate("details => details.open")
    first = phone.locator("#search-results .search-result__title a").first
    expect(first).to_be_focused()
    box = first.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 780  # on the screen, not two screens down
