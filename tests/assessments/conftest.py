import pytest


@pytest.fixture(autouse=True)
def _english(english):
    """These tests read messages in English: services answer in the active language, and
    URLs reversed here carry the /en/ prefix so pages answer in English too. (The Chinese
    pages are covered by the browser test.)"""
