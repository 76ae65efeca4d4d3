"""``qbank audit``: judge a generated bank the way an examiner and a testwise learner would.

Modules: :mod:`.report` (the audit, its measures and bars), :mod:`.itemflags` (structure
and cue rules per item), :mod:`.factcheck` (keys and distractors against every topic file),
:mod:`.textrules` (fragments, dropped qualifiers, internal ids), :mod:`.learner` (a learner
with no subject knowledge answering from surface cues) and :mod:`.textcues` (text helpers).
"""

from qbank.audit.report import (
    BARS,
    AuditReport,
    Flag,
    ItemAudit,
    Measure,
    audit_bank,
    check_gate,
    chi2_sf,
    gamma_q,
    key_position_test,
    render_report,
)

__all__ = ["BARS", "AuditReport", "Flag", "ItemAudit", "Measure", "audit_bank", "check_gate", "chi2_sf",
           "gamma_q", "key_position_test", "render_report"]
