__version__ = "0.1.0"
#: The date of the release ``__version__`` names (YYYY-MM-DD): dct:issued on the ontology and
#: every scheme, date-released in CITATION.cff, and SOURCE_DATE_EPOCH of a release build.
#: ``python tools/dev.py release --version X.Y.Z --date YYYY-MM-DD`` sets both.
__release_date__ = "2026-12-02"
