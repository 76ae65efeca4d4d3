"""A small well-formed topic file, line numbers fixed, for the input-robustness tests."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from qbank.cli import main

# line 1 is the truncated synopsis copy; the numbers on the right are the file's line numbers
TOPIC = """\
This topic covers how service teams keep customers happy and how they me
Topic Synopsis
This topic covers how service teams keep customers happy and how they measure it.
Key Concepts & Core Principles
- Customer journey: The process a customer goes through from first contact to follow-up.
- Complaint handling: A structured approach to resolving issues and keeping loyalty.
- Service level agreement: A written promise of how fast and how well a partner responds.
- Net promoter score: A measure of how likely customers are to recommend the business.
- Active listening: Giving full attention, questioning and reflecting back what was heard.
Exam Tips & Revision Strategies
- Use examples from your own workplace.
- Link every answer back to the customer.
Common Misconceptions & Mistakes to Avoid
- Thinking that complaints are always bad news.
- Assuming one communication style suits every customer.
Examiner Marking Points
- Award credit for a structured complaint process.
- Look for evidence of measuring satisfaction.
"""
CONCEPT_LINES = range(5, 10)
TERMS = ["Customer journey", "Complaint handling", "Service level agreement", "Net promoter score", "Active listening"]


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def qbank(*args: str) -> Result:
    """Run the CLI in-process, stdout and stderr kept apart.

    These tests are about reading input, not item quality: a five-concept test topic cannot
    meet a release quality bar, so a build runs with the audit gate off where the CLI has one.
    """
    args = tuple(str(a) for a in args)
    if "build" in args and "--gate" not in args and any(p.name == "gate" for p in main.commands["build"].params):
        args = (*args, "--gate", "off")
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


def lines_of(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.strip()]
