"""The lesson's three languages: gettext catalogs, read with Babel.

Every string the lesson generates is an English message id, marked ``_()``
or ``N_()`` in the code and ``_()`` in the templates, and translated in the
catalogs ``simulator/lesson/locale/<lang>/LC_MESSAGES/lesson.po``. The
compiled ``lesson.mo`` files are committed beside them, so a fresh checkout
works with nothing to build; a test fails when they are stale.

After changing a marked string, run from the checkout::

    .venv/bin/python -m simulator.lesson --catalogs

It extracts the messages into ``lesson.pot``, merges them into each ``.po``
(new ones untranslated, changed ones fuzzy: both fail the tests until a
translator fills them in) and compiles the ``.mo`` files. The words of the
law the translations follow are listed in docs/lesson-terms.md.
"""

from __future__ import annotations

import datetime
import gettext as _gettext
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

__all__ = [
    "HTML_LANG",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "Gettext",
    "Watch",
    "format_day",
    "format_number",
    "translations",
]

#: The languages a lesson is written in, as ``--lang`` names them.
LANGUAGES = ("en", "zh", "es")
#: Their ``lang`` attributes (BCP 47).
HTML_LANG = {"en": "en", "zh": "zh-Hans", "es": "es"}
#: Their Babel locales, for dates and numbers: as written in the United States.
_LOCALES = {"en": "en_US", "zh": "zh_Hans_CN", "es": "es_US"}
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "lesson"

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; it is translated where used."""
    return message


def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``lang`` (English: the message ids themselves)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no lesson language {lang!r}: one of {', '.join(LANGUAGES)}")
    if lang == "en":
        return _gettext.NullTranslations()
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as handle:
        return _gettext.GNUTranslations(handle)


class Watch(_gettext.NullTranslations):
    """A catalog that notes every message it has no translation for (for the tests)."""

    def __init__(self, inner: _gettext.NullTranslations) -> None:
        super().__init__()
        self.inner = inner
        self.missing: set[str] = set()

    def gettext(self, message: str) -> str:
        known = getattr(self.inner, "_catalog", None)
        if known is not None and message and message not in known:
            self.missing.add(message)
        return self.inner.gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def format_day(day: datetime.date, lang: str) -> str:
    """A date as people write it: September 19, 2020; 2020年9月19日; 19 de septiembre de 2020."""
    from babel.dates import format_date

    return str(format_date(day, "long", locale=_LOCALES[lang]))


def format_number(number: int, lang: str) -> str:
    """1000 -> 1,000 (the same grouping in the three languages as used in the U.S.)."""
    from babel.numbers import format_decimal

    return str(format_decimal(number, locale=_LOCALES[lang]))


# -- maintaining the catalogs (from the checkout) ----------------------------------------------

_ROOT = Path(__file__).parent
#: Catalog headers carry no changing dates, so regenerating them changes nothing.
_FIXED = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
_KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}


def dynamic_messages() -> list[str]:
    """Strings the lesson shows that the law package words (the factors of the injunction and
    stay tests): extraction cannot see them, so they are listed here."""
    from simulator.law.standards import INJUNCTION_FACTORS, STAY_FACTORS

    return [factor.question for factor in (*INJUNCTION_FACTORS, *STAY_FACTORS)]


def extract() -> Any:
    """The message template (a Babel catalog) of the lesson's code and templates."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(
        project="legal-process-simulator", domain=DOMAIN, fuzzy=False,
        creation_date=_FIXED, revision_date=_FIXED,
    )  # fmt: skip
    methods = [("**.py", "python"), ("templates/**.j2", "jinja2.ext:babel_extract")]
    options = {"templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    found = extract_from_dir(
        str(_ROOT), method_map=methods, options_map=options, keywords=_KEYWORDS,
        strip_comment_tags=True,
    )  # fmt: skip
    for filename, lineno, message, comments, context in found:
        path = f"simulator/lesson/{filename}"
        catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    for message in dynamic_messages():
        catalog.add(message, None, [("simulator/law/standards.py", 0)])
    return catalog


def _po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Any:
    """The translations of ``lang`` as written (a Babel catalog)."""
    from babel.messages.pofile import read_po

    with _po(lang).open("rb") as handle:
        return read_po(handle, locale=_LOCALES[lang].replace("_CN", ""), domain=DOMAIN)


def compiled(catalog: Any) -> bytes:
    """The .mo bytes of ``catalog`` (fuzzy entries left out, as gettext does)."""
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _write_po(catalog: Any, path: Path) -> None:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=False, no_location=True)
    path.write_bytes(out.getvalue())


def update(languages: Iterable[str] = ("zh", "es")) -> None:
    """Extract, merge into each language's .po, compile each .mo."""
    template = extract()
    LOCALE_DIR.mkdir(exist_ok=True)
    _write_po(template, LOCALE_DIR / f"{DOMAIN}.pot")
    for lang in languages:
        path = _po(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            catalog = read_catalog(lang)
            catalog.update(template, no_fuzzy_matching=False)
            catalog.obsolete.clear()
        else:
            from babel.messages.catalog import Catalog

            catalog = Catalog(
                locale=_LOCALES[lang].replace("_CN", ""), domain=DOMAIN, fuzzy=False,
                project="legal-process-simulator", creation_date=_FIXED, revision_date=_FIXED,
                header_comment=f"# The lesson's words in {lang} (docs/lesson-terms.md).",
            )  # fmt: skip
            catalog.update(template)
        _write_po(catalog, path)
        path.with_suffix(".mo").write_bytes(compiled(read_catalog(lang)))
