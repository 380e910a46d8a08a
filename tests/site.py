"""Build the course as a static HTML site that works offline.

    python tests/site.py --out site

writes `site/index.html` (the course title and the lesson table, read from
README.md's "Lessons" table) and one `site/NN-name.html` per lesson, made
from the lesson's STORED outputs (nothing is executed). Each page shows
the prose, the code, the text outputs and the figures (PNG, embedded as
data: URIs), with links to the previous and next lesson and to the index.

Nothing on a page is fetched from the network when it is viewed:

- math: MathJax 3's single-file `tex-svg-full.js` (from the pip package
  django-static-mathjax, which has no dependencies) is copied into
  `site/mathjax/` and typesets the LaTeX in the browser as SVG, so the
  equations look the same whatever fonts the reader has;
- widgets: a slider explorer's stored state needs a script from a CDN to
  render, so each explorer output is replaced by a short note, the slider
  values it was stored at, and the picture it held (its PNG);
- nbconvert's lab template is used, without its require.js, MathJax,
  widget and mermaid scripts.

It is a build tool, not a test: tests/test_site.py builds the site into
a temporary folder and opens every page in headless Chromium.
"""
import argparse
import base64
import html
import os
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import mathjax              # MathJax 3, from django-static-mathjax
import mistune
import nbformat
from jinja2 import DictLoader, pass_context
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import (IPythonRenderer,
                                                MarkdownWithMath)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
MATHJAX = Path(mathjax.__file__).parent / "static" / "mathjax"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_NOTE = ("Interactive: run this notebook in JupyterLab to move the "
               "sliders")
# a lesson's own relative link, `NN-name.ipynb` (optionally `#anchor`)
LESSON_LINK = re.compile(r'href="(?:notebooks/)?(\d\d-[\w.-]+?)\.ipynb'
                         r'(#[^"]*)?"')

SITE_CSS = """
nav.site-nav { display: flex; justify-content: space-between; gap: 1em;
  max-width: 1100px; margin: 0 auto; padding: 0.6em 1em;
  font-family: system-ui, sans-serif; font-size: 15px;
  border-bottom: 1px solid #ddd; }
nav.site-nav.bottom { border-bottom: 0; border-top: 1px solid #ddd;
  margin-top: 2em; }
nav.site-nav a { text-decoration: none; color: #1a5fb4; }
nav.site-nav a:hover { text-decoration: underline; }
nav.site-nav span { flex: 1; }
nav.site-nav .up { text-align: center; }
nav.site-nav .next { text-align: right; }
mjx-container[display="true"] { overflow-x: auto; overflow-y: hidden; }
.site-widget { border-left: 4px solid #1a5fb4; background: #f4f7fb;
  padding: 0.5em 1em; margin: 0.3em 0; }
.site-widget p { margin: 0.3em 0; }
.site-widget img { max-width: 100%; }
"""

# nbconvert's lab template, less every script that would be fetched from a
# CDN (require.js, MathJax, the widget manager, mermaid), plus navigation.
TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}
<script>
window.MathJax = {
  tex: {inlineMath: [["$", "$"]], processEscapes: true},
  svg: {fontCache: "global"},
  options: {ignoreHtmlClass: "jp-CodeCell"}
};
</script>
<script defer src="mathjax/tex-svg-full.js"></script>
{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{#- Pygments escapes the code: no need for bleach's slow second pass -#}
{% block input %}
<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor"
     data-type="inline">
     <div class="cm-editor cm-s-jupyter">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
     </div>
</div>
{%- endblock input %}
{%- block extra_css -%}<style>{{ resources.site_css }}</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.site_nav }}
{%- endblock body_header -%}
{% block body_footer %}
{{ resources.site_nav | replace('class="site-nav"',
                                'class="site-nav bottom"') }}
</main>
</body>
{% endblock body_footer %}
"""


# code first (left alone), then display math, then inline math
MATH_OR_CODE = re.compile(
    r"```.*?```|`[^`\n]*`|\$\$.*?\$\$|(?<!\\)\$[^$]+?\$", re.S)


def join_inline_math(source):
    """`source` with the line breaks inside each `$...$` made spaces.

    JupyterLab takes the math out before it parses the markdown; mistune
    parses the markdown first, so a wrapped formula whose next line starts
    with `- ` or `+ ` became a list item there."""
    def join(match):
        text = match.group(0)
        if text.startswith("$") and not text.startswith("$$"):
            return text.replace("\n", " ")
        return text
    return MATH_OR_CODE.sub(join, source)


class SiteExporter(HTMLExporter):
    """The lab-template HTML exporter; see `join_inline_math`."""

    @pass_context
    def markdown2html(self, context, source):
        cell = context.get("cell", {})
        path = context.get("resources", {}).get("metadata", {}).get(
            "path", "")
        renderer = IPythonRenderer(
            escape=False, attachments=cell.get("attachments", {}),
            embed_images=True, path=path,
            anchor_link_text=self.anchor_link_text,
            exclude_anchor_links=self.exclude_anchor_links)
        return MarkdownWithMath(renderer=renderer).render(
            join_inline_math(source))

    def default_filters(self):
        yield from super().default_filters()
        yield ("markdown2html", self.markdown2html)


def widget_note(view, state):
    """HTML that stands in for a stored widget view: a note, the slider
    values it was stored at, its text and its picture if the state has
    them."""
    models = state.get("state", {})
    sliders, pictures, texts = [], [], []

    def walk(model_id, seen):
        if model_id in seen or model_id not in models:
            return
        seen.add(model_id)
        model = models[model_id]
        name, st = model.get("model_name", ""), model.get("state", {})
        if name == "ImageModel":
            for buf in model.get("buffers", []):
                if buf.get("path") == ["value"] and buf.get("data"):
                    fmt = st.get("format", "png")
                    if buf.get("encoding") == "base64":
                        data = buf["data"]
                    else:
                        data = base64.b64encode(buf["data"].encode()).decode()
                    pictures.append(f"data:image/{fmt};base64,{data}")
        elif name.endswith("SliderModel") and st.get("description"):
            if "_options_labels" in st and "index" in st:
                value = st["_options_labels"][st["index"]]
            else:
                value = st.get("value")
            sliders.append(f"{html.escape(st['description'])} = "
                           f"{html.escape(str(value))}")
        elif name == "HTMLModel" and st.get("value"):
            texts.append(st["value"])
        for child in st.get("children", []):
            walk(str(child).removeprefix("IPY_MODEL_"), seen)

    walk(view.get("model_id", ""), set())
    parts = ['<div class="site-widget">',
             f"<p><strong>{WIDGET_NOTE}</strong>.</p>"]
    if sliders:
        parts.append("<p>Shown at: " + ", ".join(sliders) + ".</p>")
    parts += [f'<img src="{src}" alt="the explorer\'s figure at these '
              f'slider values">' for src in pictures]
    parts += texts
    parts.append("</div>")
    return "\n".join(parts)


def replace_widgets(nb):
    """Swap each widget output of `nb` for a static note; drop the state."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {})
    for cell in nb.cells:
        for i, out in enumerate(cell.get("outputs", [])):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view is not None:
                cell.outputs[i] = nbformat.v4.new_output(
                    "display_data",
                    data={"text/html": widget_note(view, state)})
    nb.metadata.pop("widgets", None)
    return nb


def read_lessons(readme):
    """The README's Lessons table: (number, title, notebook, what, time)
    for each row, and the markdown of the whole table."""
    text = readme.read_text(encoding="utf-8")
    section = re.search(r"^## Lessons\s*\n(.*?)(?=^## )", text,
                        re.M | re.S).group(1)
    table = "\n".join(line for line in section.splitlines()
                      if line.startswith("|"))
    rows = []
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        number, lesson, what, minutes = cells
        title, path = re.fullmatch(r"\[(.+)\]\((.+)\)", lesson).groups()
        rows.append((number, title, Path(path).name, what, minutes))
    title = re.search(r"^# (.+)$", text, re.M).group(1).strip()
    intro = text[text.index("\n", text.index("# ")):
                 text.index("## Lessons")].strip()
    return title, intro, table, rows


def nav_html(prev, next_, index_label="Course index"):
    def link(entry, cls, arrow_left):
        if entry is None:
            return f'<span class="{cls}"></span>'
        number, title, page = entry
        label = (f"&larr; {number} {html.escape(title)}" if arrow_left
                 else f"{number} {html.escape(title)} &rarr;")
        return f'<span class="{cls}"><a href="{page}">{label}</a></span>'
    return ('<nav class="site-nav">'
            + link(prev, "prev", True)
            + f'<span class="up"><a href="index.html">{index_label}</a>'
              '</span>'
            + link(next_, "next", False) + "</nav>")


def rewrite_links(page):
    return LESSON_LINK.sub(lambda m: f'href="{m.group(1)}.html'
                           f'{m.group(2) or ""}"', page)


INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 1100px;
  margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }}
table {{ border-collapse: collapse; width: 100%; margin: 1.5em 0; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.5em 0.6em;
  text-align: left; vertical-align: top; }}
th {{ background: #f4f7fb; }}
td:first-child, td:last-child {{ white-space: nowrap; }}
a {{ color: #1a5fb4; text-decoration: none; }}
a:hover {{ text-decoration: underline; }}
code {{ background: #f2f2f2; padding: 0 0.2em; border-radius: 3px; }}
footer {{ color: #666; font-size: 0.9em; border-top: 1px solid #ddd;
  padding-top: 0.5em; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
{intro}
<h2>Lessons</h2>
{table}
</main>
<footer>Each page shows a lesson with the outputs stored in its notebook.
To run the lessons and move the sliders, clone the course and run
<code>make lab</code>.</footer>
</body>
</html>
"""


def build(out, notebooks=NOTEBOOKS, readme=ROOT / "README.md"):
    """Write the site into `out`; return the list of pages written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    title, intro, table, rows = read_lessons(readme)
    by_file = {nb_file: (number, name) for number, name, nb_file, _, _
               in rows}
    missing = [p.name for p in notebooks if p.name not in by_file]
    if missing:
        raise ValueError(f"lessons missing from README's table: {missing}")

    md = mistune.create_markdown(escape=False, plugins=["table"])
    index = INDEX.format(title=html.escape(title), intro=md(intro),
                         table=rewrite_links(md(table)))
    (out / "index.html").write_text(index, encoding="utf-8")
    pages = [out / "index.html"]
    (out / "mathjax").mkdir(exist_ok=True)
    for name in ("es5/tex-svg-full.js", "LICENSE"):
        shutil.copy(MATHJAX / name, out / "mathjax" / Path(name).name)

    entries = [(*by_file[p.name], p.stem + ".html") for p in notebooks]
    jobs = []
    for i, path in enumerate(notebooks):
        nav = nav_html(entries[i - 1] if i > 0 else None,
                       entries[i + 1] if i + 1 < len(entries) else None)
        number, name, page = entries[i]
        jobs.append((path, out / page, f"{number} {name} - {title}", nav))
    # one lesson per process: nbconvert is CPU-bound
    with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as ex:
        list(ex.map(render_lesson, *zip(*jobs)))
    return pages + [page for _, page, _, _ in jobs]


def render_lesson(path, page, page_title, nav):
    """Write the lesson at `path` as HTML to `page`."""
    exporter = SiteExporter(template_name="lab",
                            extra_loaders=[DictLoader(
                                {"site.html.j2": TEMPLATE})],
                            template_file="site.html.j2",
                            embed_images=True)
    nb = replace_widgets(nbformat.read(path, as_version=4))
    resources = {"metadata": {"name": page_title, "path": str(path.parent)},
                 "site_css": SITE_CSS, "site_nav": nav}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    page.write_text(rewrite_links(body), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="site", help="output folder")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    pages = build(args.out)
    print(f"wrote {len(pages)} pages to {args.out}/ in "
          f"{time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
