"""The lessons run unchanged wherever a class gets them, such as a copy
that nbgitpuller pulls into each learner's home on a JupyterHub: with only
the requirements installed and no set-up step, a kernel started in the
copy's notebooks/ folder imports the copy's helpers (through the
notebooks/helpers link) and reads the copy's data/.
"""
import shutil

import nbformat
from nbclient import NotebookClient

from execute import ROOT

WHERE = """\
import helpers, helpers.data
print(helpers.__file__)
print(helpers.data.DATA_DIR)
print(len(helpers.data.sms_spam()[0]), "messages")
"""


def test_a_copy_of_the_course_finds_its_own_helpers_and_data(tmp_path):
    copy = tmp_path / "ml-from-scratch"
    copy.mkdir()
    for name in ("helpers", "data", "notebooks"):
        shutil.copytree(ROOT / name, copy / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    assert (copy / "notebooks" / "helpers").is_symlink()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(WHERE)])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={
        "metadata": {"path": str(copy / "notebooks")}}).execute()
    lines = nb.cells[0].outputs[0].text.split("\n")
    assert lines[0] == str(copy / "notebooks" / "helpers" / "__init__.py")
    assert lines[1] == str(copy / "data")
    assert lines[2] == "600 messages"
