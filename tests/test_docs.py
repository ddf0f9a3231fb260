"""The README is for the teacher, CONTRIBUTING.md for the maintainer; each fact is stated once."""

import re

from helpers.paths import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text()
CONTRIBUTING = (REPO_ROOT / "CONTRIBUTING.md").read_text()
MAKEFILE = (REPO_ROOT / "Makefile").read_text()


def _words(markdown: str) -> int:
    """Words a reader reads: link targets and image syntax left out."""
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    return len(re.sub(r"!\[[^\]]*\]", "", text).split())


def test_readme_is_short_and_in_the_teachers_order():
    assert _words(README) <= 1_200, f"README has {_words(README)} words; move maintainer matter to CONTRIBUTING.md"
    headings = re.findall(r"^## (.+)$", README, re.MULTILINE)
    assert headings == [
        "The notebooks",
        "Running it on Colab",
        "Using it in a course",
        "The Fashion FD",
        "Running locally",
        "Publishing",
        "Credits and licence",
    ]
    intro = " ".join(README.split("\n## ", 1)[0].split())
    assert "Hands-On Machine Learning" in intro and "docs/samples.png" in intro


def test_the_samples_picture_is_committed():
    assert (REPO_ROOT / "docs" / "samples.png").is_file(), "run `make outputs`, then `make picture`"


def test_licence_is_apache_2_and_the_readme_says_so():
    licence = (REPO_ROOT / "LICENSE").read_text()
    assert "Apache License" in licence.split("\n", 3)[1] and "Version 2.0, January 2004" in licence
    assert "Copyright 2026 The generative-notebooks authors." in README.split("## Credits and licence", 1)[1]
    assert "(LICENSE)" in README and "## Licence" in CONTRIBUTING


def test_every_make_target_named_in_the_docs_exists():
    rules = set(re.findall(r"^([A-Za-z][\w-]*):", MAKEFILE, re.MULTILINE))
    named = set(re.findall(r"`make ([a-z][\w-]*)", README + CONTRIBUTING))
    assert named and named <= rules, f"no such make target: {sorted(named - rules)}"


def test_facts_kept_in_one_place():
    # where the data come from: data/README.md
    for name, text in (("README.md", README), ("CONTRIBUTING.md", CONTRIBUTING)):
        assert "/usr/share/datasets" not in text, f"{name} repeats the data search order (data/README.md has it)"
    assert "/usr/share/datasets" in (REPO_ROOT / "data" / "README.md").read_text()
    # the versions: requirements.txt and constraints-colab.txt (plus one mention in CONTRIBUTING.md)
    assert not re.search(r"(?i)(tensorflow|keras)[ =<>]*\d+\.\d+", README), "README names a version"
    assert len(re.findall(r"TensorFlow \d+\.\d+", CONTRIBUTING)) <= 1
    for name, text in (("README.md", README), ("CONTRIBUTING.md", CONTRIBUTING)):
        assert "oldest" not in text, f"{name} mentions the retired oldest-version suite"


def test_contributing_has_the_full_profile_section_and_says_gpu_validation_has_not_run():
    assert "\n## The `full` profile's checks\n" in CONTRIBUTING
    gpu = CONTRIBUTING.split("\n## GPU validation\n", 1)[1].split("\n## ", 1)[0]
    assert "None of this can run on the project's CI machines" in gpu
