"""Small topic files for tests: each planted trap gets its own file."""

from __future__ import annotations

from pathlib import Path


def topic_file(folder: Path, name: str, *, synopsis: str = "Notes for testing.", concepts=(), tips=(),
               mistakes=(), marking=()) -> Path:
    lines = [synopsis[:40], "Topic Synopsis", synopsis, "Key Concepts & Core Principles"]
    lines += [f"- {t}: {d}" for t, d in concepts]
    lines += ["Exam Tips & Revision Strategies"] + [f"- {t}" for t in tips]
    lines += ["Common Misconceptions & Mistakes to Avoid"] + [f"- {m}" for m in mistakes]
    lines += ["Examiner Marking Points"] + [f"- {m}" for m in marking]
    path = folder / f"{name}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


BIOLOGY = dict(
    synopsis="This topic covers how cells obtain energy and divide, and how enzymes control reactions.",
    concepts=[
        ("Mitosis", "Cell division that produces two genetically identical daughter cells for growth and repair."),
        ("Meiosis", "Cell division that halves the chromosome number to produce four haploid gametes."),
        ("Enzyme", "A biological catalyst, usually a protein, that speeds up a specific reaction."),
        ("Aerobic respiration", "Releasing energy from glucose using oxygen, producing carbon dioxide and water."),
        ("Osmosis", "The net movement of water across a partially permeable membrane down a water potential gradient."),
        ("Diffusion", "The net movement of particles from a higher to a lower concentration without energy input."),
        ("Active site", "The region of an enzyme whose shape fits only its own substrate, which determines the "
                        "enzyme's specificity."),
    ],
    tips=[
        "In longer answers, use the correct terms such as haploid and diploid.",
        "Always label the axes and units when you sketch an enzyme activity graph.",
        "When describing osmosis, refer to water potential rather than water concentration.",
    ],
    mistakes=[
        "Confusing mitosis with meiosis, leading to wrong chromosome numbers.",
        "Assuming that enzymes are used up in the reactions they catalyse.",
        "Failing to state that diffusion is a passive process.",
        "Believing that plants do not respire because they photosynthesise.",
        "Neglecting to mention the active site when explaining enzyme specificity.",
    ],
    marking=[
        "Award credit for clearly explaining how the shape of the active site determines specificity.",
        "Credit accurate descriptions of the stages of mitosis, PMAT (Prophase, Metaphase, Anaphase, Telophase), in order.",
        "Assess the ability to compare aerobic and anaerobic respiration using equations.",
    ],
)

ACCOUNTING = dict(
    synopsis="This topic introduces double-entry bookkeeping and the main financial statements.",
    concepts=[
        ("Double-entry bookkeeping", "Recording every transaction as a debit in one account and a credit in another."),
        ("Accruals concept", "Recognising income and expenses in the period they arise, not when cash moves."),
        ("Trial balance", "A list of all ledger balances used to check that total debits equal total credits."),
        ("Depreciation", "Spreading the cost of a non-current asset over the periods that benefit from its use."),
        ("Working capital", "Current assets minus current liabilities, showing short-term liquidity."),
        ("Non-current liabilities", "Debts that fall due after more than twelve months, such as a long-term bank loan."),
    ],
    tips=[
        "Always show your workings so that method marks can be awarded.",
        "Use the accounting equation to check your balance sheet.",
        "Remember DEALER (Drawings, Expenses, Assets, Liabilities, Equity, Revenue) for the debit and credit sides.",
    ],
    mistakes=[
        "Confusing profit with cash, leading to poor liquidity decisions.",
        "Assuming that a trial balance that agrees proves the ledgers are free of errors.",
        "Failing to match expenses to the period in which they were incurred.",
        "Neglecting to deduct depreciation when valuing non-current assets.",
    ],
    marking=[
        "Award credit for explaining why the trial balance can agree despite errors of omission.",
        "Expect identification of both current and non-current liabilities.",
        "Credit responses that calculate depreciation using the straight-line and reducing-balance methods.",
    ],
)

# Written in other habits: "Students often think ...", "Mixing up ...", "Candidates should ...".
HISTORY = dict(
    synopsis="This topic covers the causes of the First World War and the peace settlement that followed it.",
    concepts=[
        ("Alliance system", "The two armed blocs of European powers bound by treaty to defend each other, so that a "
                            "local crisis could turn into a general war."),
        ("Militarism", "The belief that a country should build strong armed forces and be ready to use them."),
        ("Imperialism", "The policy of extending a nation's power by acquiring colonies and territory abroad."),
        ("Nationalism", "Intense loyalty to one's nation, including the wish of peoples to govern themselves."),
        ("Treaty of Versailles", "The 1919 peace settlement that imposed reparations and territorial losses on Germany."),
        ("Schlieffen Plan", "Germany's plan to defeat France quickly through Belgium before turning on Russia."),
    ],
    tips=[
        "Structure long answers with PEEL (Point, Evidence, Explain, Link) paragraphs.",
        "Support every judgement with precise dates and named events.",
        "When asked how far you agree, weigh at least two causes before reaching a verdict.",
    ],
    mistakes=[
        "Students often think that the assassination of Franz Ferdinand was the only cause of the war.",
        "Mixing up the Triple Alliance and the Triple Entente, leading to confused explanations.",
        "The belief that the Treaty of Versailles was negotiated with Germany at the table.",
        "Describing events in sequence without explaining why they led to war.",
        "Failing to link the naval race to growing distrust between Britain and Germany.",
    ],
    marking=[
        "Candidates should explain how the alliance system turned a local crisis into a general war.",
        "Answers should include a supported judgement on the most important long-term cause.",
        "Award credit for analysing the terms of the Treaty of Versailles and German reactions to them.",
    ],
)
