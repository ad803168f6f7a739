import json
import os
import pathlib
import subprocess

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = REPOSITORY / "Examples" / "korea-russia.txt"


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("GAZETAG_BINARY")
    if not path:
        pytest.fail("set GAZETAG_BINARY to the gazetag binary under test")
    return path


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def cli_spans(binary):
    """The spans `gazetag tag Examples/korea-russia.txt` writes."""
    output = subprocess.run(
        [binary, "tag", str(EXAMPLE)], check=True, capture_output=True
    ).stdout
    return json.loads(output)["spans"]
