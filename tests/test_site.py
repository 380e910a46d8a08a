"""`make site`: the static course site works offline in a real browser.

The site is built with `python tests/site.py --out <tmp>` (the command
`make site` runs), then the index and every lesson page are opened from
`file://` in one headless Chromium, in turn. For each page the test
asserts that no request failed and none left the disk (every URL is
`file:` or `data:`), that every image loaded and that there are at least
as many as the notebook has stored PNG figures, and, where the lesson has
LaTeX, that MathJax (bundled in the site) typeset it without an error
and left no raw LaTeX in the prose. The index must link every lesson,
and no page may refer to a CDN (require.js, unpkg, jsdelivr, ...). A
screenshot of each page is saved in the test's temporary folder.

It needs a system Chromium; where none is found it is skipped, with the
command that installs one.
"""
import re
import subprocess
import sys

import nbformat
import pytest

from execute import NOTEBOOKS, ROOT
from test_browser import CHROMIUM_ARGS, INSTALL_HINT, find_chromium

CDN = re.compile(r"require(\.min)?\.js|unpkg\.com|jsdelivr|googleapis|"
                 r"cdnjs|cloudflare|<script[^>]*src=\"?https?:", re.I)
RAW_LATEX = re.compile(r"\$\$|\\(?:frac|sum|hat|partial|sigma|alpha|mathbf|"
                       r"text|begin|left|sqrt)\b")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def png_outputs(path):
    nb = nbformat.read(path, as_version=4)
    return sum(1 for cell in nb.cells for out in cell.get("outputs", [])
               if "image/png" in out.get("data", {}))


def has_latex(path):
    nb = nbformat.read(path, as_version=4)
    return any("$" in cell.source for cell in nb.cells
               if cell.cell_type == "markdown")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if find_chromium() is None:
        pytest.skip(INSTALL_HINT)
    out = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, str(ROOT / "tests" / "site.py"),
                    "--out", str(out)], check=True, cwd=ROOT)
    return out


def visit(browser, url, shot):
    """Open `url`; return (failed or non-local requests, page facts)."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    bad = []
    page.on("requestfailed",
            lambda req: bad.append(f"failed: {req.url} ({req.failure})"))
    page.on("request", lambda req: None if req.url.startswith(
        ("file:", "data:")) else bad.append(f"not local: {req.url}"))
    page.goto(url, wait_until="load")
    # MathJax typesets after the load event: wait until it is done
    page.evaluate("""() => window.MathJax && MathJax.startup
        ? MathJax.startup.promise.then(() => true) : false""")
    facts = page.evaluate("""() => ({
        images: document.images.length,
        broken: [...document.images].filter(
            i => !i.complete || i.naturalWidth === 0).length,
        math: document.querySelectorAll('mjx-container svg').length,
        math_errors: document.querySelectorAll(
            '[data-mml-node="merror"]').length,
        links: [...document.querySelectorAll('a')].map(
            a => a.getAttribute('href')),
        text: document.body.innerText,
        prose: [...document.querySelectorAll('.jp-RenderedMarkdown')].map(
            e => e.innerText).join(' '),
    })""")
    page.screenshot(path=str(shot))
    page.close()
    return bad, facts


def test_site_offline_in_chromium(site, tmp_path):
    from playwright.sync_api import sync_playwright

    pages = sorted(site.glob("*.html"))
    assert {p.name for p in pages} == (
        {"index.html"} | {nb.stem + ".html" for nb in NOTEBOOKS})
    for page in pages:
        found = CDN.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page.name} refers to a CDN: {found}"
        assert "jupyter-widgets" not in page.read_text(encoding="utf-8")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=find_chromium(), headless=True,
            args=CHROMIUM_ARGS)
        try:
            bad, facts = visit(browser, (site / "index.html").as_uri(),
                               tmp_path / "index.png")
            assert not bad, f"index.html: {bad}"
            for nb in NOTEBOOKS:
                assert nb.stem + ".html" in facts["links"], (
                    f"the index does not link {nb.stem}.html")
            assert not any(".ipynb" in (href or "")
                           for href in facts["links"])

            for nb in NOTEBOOKS:
                name = nb.stem + ".html"
                assert (site / name).exists(), f"{name} was not built"
                bad, facts = visit(browser, (site / name).as_uri(),
                                   tmp_path / f"{nb.stem}.png")
                assert not bad, f"{name}: {bad}"
                assert facts["broken"] == 0, (
                    f"{name}: {facts['broken']} image(s) did not load")
                assert facts["images"] >= png_outputs(nb), (
                    f"{name}: {facts['images']} images, the notebook "
                    f"has {png_outputs(nb)} PNG outputs")
                if has_latex(nb):
                    assert facts["math"] > 0, f"{name}: no math rendered"
                assert facts["math_errors"] == 0, (
                    f"{name}: MathJax reports {facts['math_errors']} "
                    "error(s) in the LaTeX")
                raw = RAW_LATEX.findall(facts["prose"])
                assert not raw, f"{name}: raw LaTeX left in the prose: {raw}"
                assert "index.html" in facts["links"]
                assert not any(re.fullmatch(r"\d\d-[\w-]+\.ipynb.*",
                                            href or "")
                               for href in facts["links"]), (
                    f"{name}: a lesson link still points to a notebook")
                # the widget note stands where the sliders were
                if any(WIDGET_VIEW in out.get("data", {})
                       for cell in nbformat.read(nb, 4).cells
                       for out in cell.get("outputs", [])):
                    assert "run this notebook in JupyterLab" in facts[
                        "text"], f"{name}: no note in place of a widget"
        finally:
            browser.close()
