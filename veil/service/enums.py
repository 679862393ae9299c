"""The contract's enums spelled as the domain spells them: ``MODEL_DP_SGD`` <-> ``"dp_sgd"``.

Each enum value is its prefix plus the domain name in upper case, so the mapping is a rule,
and a test holds the enums and the domain's closed sets (engines, stages, states) to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

from veil.v1 import veil_pb2 as pb


@dataclass(frozen=True)
class EnumNames:
    """One enum of the contract; ``default`` is the name its UNSPECIFIED value stands for."""

    enum: EnumTypeWrapper
    prefix: str
    default: str = ""

    def name(self, number: int) -> str:
        """The domain name of an enum number ("" or the default for UNSPECIFIED)."""
        if number == 0:
            return self.default
        return self.enum.Name(number).removeprefix(self.prefix).lower()

    def number(self, name: str) -> int:
        """The enum number of a domain name; ValueError when it has none."""
        if not name:
            return 0
        return self.enum.Value(self.prefix + name.upper())

    def names(self) -> list[str]:
        """Every domain name the enum defines, in enum order."""
        return [self.name(v.number) for v in self.enum.DESCRIPTOR.values if v.number != 0]


MODEL = EnumNames(pb.Model, "MODEL_", default="auto")
TEXT_MODEL = EnumNames(pb.TextModel, "TEXT_MODEL_", default="surrogate")
COLUMN_KIND = EnumNames(pb.ColumnKind, "COLUMN_KIND_")
STAGE = EnumNames(pb.SynthesisOperationMetadata.Stage, "STAGE_")
SYNTHESIS_STATE = EnumNames(pb.Synthesis.State, "STATE_")
CHARGE_STATE = EnumNames(pb.PrivacyCharge.State, "STATE_")
GUARANTEE_KIND = EnumNames(pb.PrivacyGuarantee.Kind, "KIND_")
