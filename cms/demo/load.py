"""The demo is data: the YAML files in cms/demo/data, read here and nowhere else.

Why files and not Python: the people who check the demo's wording (the curriculum team, a
translator) read and correct YAML without knowing Python, and each Chinese text sits next to
its English one where a missing or stale translation shows. The seed modules say only how
records are made, never what they contain.

Why the check: a text with its Chinese but not its English (or an empty one) would be seeded
as a page or quiz with a blank language, and found only by a person reading it. Every
mapping that has a `zh` or `en` key must have both, as non-empty strings; the error names
where."""

from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("zh", "en")

# libyaml's parser when it is installed (the catalogue is large), else the pure-Python one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(name: str):
    """The data file `name` (e.g. "catalogue" for cms/demo/data/catalogue.yaml), parsed.
    Each call reads the file afresh, so a caller may change what it gets."""
    path = DATA / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_Loader)
    check_bilingual(data, where=f"{path.name}:")
    return data


def check_bilingual(value, *, where: str):
    """Raise ValueError where a text has one language and not the other, or an empty one."""
    if isinstance(value, dict):
        if any(language in value for language in LANGUAGES):
            for language in LANGUAGES:
                text = value.get(language)
                if not isinstance(text, str) or not text.strip():
                    raise ValueError(f"{where}: no {language} text in {value!r}")
        for key, item in value.items():
            check_bilingual(item, where=f"{where}/{key}")
    elif isinstance(value, list):
        for position, item in enumerate(value):
            check_bilingual(item, where=f"{where}/{position}")
