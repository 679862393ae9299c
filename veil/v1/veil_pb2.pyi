import datetime

from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.longrunning import operations_pb2 as _operations_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.rpc import status_pb2 as _status_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ColumnKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COLUMN_KIND_UNSPECIFIED: _ClassVar[ColumnKind]
    COLUMN_KIND_NUMERIC: _ClassVar[ColumnKind]
    COLUMN_KIND_CATEGORICAL: _ClassVar[ColumnKind]
    COLUMN_KIND_DATETIME: _ClassVar[ColumnKind]
    COLUMN_KIND_BOOLEAN: _ClassVar[ColumnKind]
    COLUMN_KIND_ID: _ClassVar[ColumnKind]
    COLUMN_KIND_TEXT: _ClassVar[ColumnKind]
    COLUMN_KIND_PII: _ClassVar[ColumnKind]

class Model(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MODEL_UNSPECIFIED: _ClassVar[Model]
    MODEL_AUTO: _ClassVar[Model]
    MODEL_CART: _ClassVar[Model]
    MODEL_GAUSSIAN_COPULA: _ClassVar[Model]
    MODEL_CTGAN: _ClassVar[Model]
    MODEL_TVAE: _ClassVar[Model]
    MODEL_COPULAGAN: _ClassVar[Model]
    MODEL_DP_MARGINAL: _ClassVar[Model]
    MODEL_DP_SGD: _ClassVar[Model]

class TextModel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TEXT_MODEL_UNSPECIFIED: _ClassVar[TextModel]
    TEXT_MODEL_SURROGATE: _ClassVar[TextModel]
    TEXT_MODEL_LLM_REWRITE: _ClassVar[TextModel]
    TEXT_MODEL_DP_PRIVATE_EVOLUTION: _ClassVar[TextModel]
COLUMN_KIND_UNSPECIFIED: ColumnKind
COLUMN_KIND_NUMERIC: ColumnKind
COLUMN_KIND_CATEGORICAL: ColumnKind
COLUMN_KIND_DATETIME: ColumnKind
COLUMN_KIND_BOOLEAN: ColumnKind
COLUMN_KIND_ID: ColumnKind
COLUMN_KIND_TEXT: ColumnKind
COLUMN_KIND_PII: ColumnKind
MODEL_UNSPECIFIED: Model
MODEL_AUTO: Model
MODEL_CART: Model
MODEL_GAUSSIAN_COPULA: Model
MODEL_CTGAN: Model
MODEL_TVAE: Model
MODEL_COPULAGAN: Model
MODEL_DP_MARGINAL: Model
MODEL_DP_SGD: Model
TEXT_MODEL_UNSPECIFIED: TextModel
TEXT_MODEL_SURROGATE: TextModel
TEXT_MODEL_LLM_REWRITE: TextModel
TEXT_MODEL_DP_PRIVATE_EVOLUTION: TextModel

class ColumnOverride(_message.Message):
    __slots__ = ("column", "kind", "pii_entity")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PII_ENTITY_FIELD_NUMBER: _ClassVar[int]
    column: str
    kind: ColumnKind
    pii_entity: str
    def __init__(self, column: _Optional[str] = ..., kind: _Optional[_Union[ColumnKind, str]] = ..., pii_entity: _Optional[str] = ...) -> None: ...

class PrivacyPolicy(_message.Message):
    __slots__ = ("epsilon_budget", "delta_budget", "non_dp_syntheses")
    class NonDpSyntheses(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        NON_DP_SYNTHESES_UNSPECIFIED: _ClassVar[PrivacyPolicy.NonDpSyntheses]
        NON_DP_SYNTHESES_ALLOW: _ClassVar[PrivacyPolicy.NonDpSyntheses]
        NON_DP_SYNTHESES_DENY: _ClassVar[PrivacyPolicy.NonDpSyntheses]
    NON_DP_SYNTHESES_UNSPECIFIED: PrivacyPolicy.NonDpSyntheses
    NON_DP_SYNTHESES_ALLOW: PrivacyPolicy.NonDpSyntheses
    NON_DP_SYNTHESES_DENY: PrivacyPolicy.NonDpSyntheses
    EPSILON_BUDGET_FIELD_NUMBER: _ClassVar[int]
    DELTA_BUDGET_FIELD_NUMBER: _ClassVar[int]
    NON_DP_SYNTHESES_FIELD_NUMBER: _ClassVar[int]
    epsilon_budget: float
    delta_budget: float
    non_dp_syntheses: PrivacyPolicy.NonDpSyntheses
    def __init__(self, epsilon_budget: _Optional[float] = ..., delta_budget: _Optional[float] = ..., non_dp_syntheses: _Optional[_Union[PrivacyPolicy.NonDpSyntheses, str]] = ...) -> None: ...

class DatasetSpec(_message.Message):
    __slots__ = ("dataset_id", "display_name", "column_overrides", "holdout_fraction", "seed", "privacy_policy")
    DATASET_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    COLUMN_OVERRIDES_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_FRACTION_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    PRIVACY_POLICY_FIELD_NUMBER: _ClassVar[int]
    dataset_id: str
    display_name: str
    column_overrides: _containers.RepeatedCompositeFieldContainer[ColumnOverride]
    holdout_fraction: float
    seed: int
    privacy_policy: PrivacyPolicy
    def __init__(self, dataset_id: _Optional[str] = ..., display_name: _Optional[str] = ..., column_overrides: _Optional[_Iterable[_Union[ColumnOverride, _Mapping]]] = ..., holdout_fraction: _Optional[float] = ..., seed: _Optional[int] = ..., privacy_policy: _Optional[_Union[PrivacyPolicy, _Mapping]] = ...) -> None: ...

class UploadDatasetRequest(_message.Message):
    __slots__ = ("spec", "arrow_ipc")
    SPEC_FIELD_NUMBER: _ClassVar[int]
    ARROW_IPC_FIELD_NUMBER: _ClassVar[int]
    spec: DatasetSpec
    arrow_ipc: bytes
    def __init__(self, spec: _Optional[_Union[DatasetSpec, _Mapping]] = ..., arrow_ipc: _Optional[bytes] = ...) -> None: ...

class Column(_message.Message):
    __slots__ = ("name", "kind", "pii_entity", "arrow_type", "null_count", "overridden")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PII_ENTITY_FIELD_NUMBER: _ClassVar[int]
    ARROW_TYPE_FIELD_NUMBER: _ClassVar[int]
    NULL_COUNT_FIELD_NUMBER: _ClassVar[int]
    OVERRIDDEN_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: ColumnKind
    pii_entity: str
    arrow_type: str
    null_count: int
    overridden: bool
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[ColumnKind, str]] = ..., pii_entity: _Optional[str] = ..., arrow_type: _Optional[str] = ..., null_count: _Optional[int] = ..., overridden: _Optional[bool] = ...) -> None: ...

class Dataset(_message.Message):
    __slots__ = ("name", "display_name", "columns", "row_count", "train_row_count", "holdout_row_count", "pii_summary", "create_time", "holdout_fraction", "seed", "stage_seconds", "privacy_policy")
    class StageSecondsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    TRAIN_ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    PII_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_FRACTION_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    STAGE_SECONDS_FIELD_NUMBER: _ClassVar[int]
    PRIVACY_POLICY_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    columns: _containers.RepeatedCompositeFieldContainer[Column]
    row_count: int
    train_row_count: int
    holdout_row_count: int
    pii_summary: _containers.RepeatedCompositeFieldContainer[ColumnPiiScan]
    create_time: _timestamp_pb2.Timestamp
    holdout_fraction: float
    seed: int
    stage_seconds: _containers.ScalarMap[str, float]
    privacy_policy: PrivacyPolicy
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., columns: _Optional[_Iterable[_Union[Column, _Mapping]]] = ..., row_count: _Optional[int] = ..., train_row_count: _Optional[int] = ..., holdout_row_count: _Optional[int] = ..., pii_summary: _Optional[_Iterable[_Union[ColumnPiiScan, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., holdout_fraction: _Optional[float] = ..., seed: _Optional[int] = ..., stage_seconds: _Optional[_Mapping[str, float]] = ..., privacy_policy: _Optional[_Union[PrivacyPolicy, _Mapping]] = ...) -> None: ...

class GetDatasetRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListDatasetsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListDatasetsResponse(_message.Message):
    __slots__ = ("datasets", "next_page_token")
    DATASETS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    datasets: _containers.RepeatedCompositeFieldContainer[Dataset]
    next_page_token: str
    def __init__(self, datasets: _Optional[_Iterable[_Union[Dataset, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DeleteDatasetRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class EntityShare(_message.Message):
    __slots__ = ("entity_type", "cell_share", "mean_score")
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    CELL_SHARE_FIELD_NUMBER: _ClassVar[int]
    MEAN_SCORE_FIELD_NUMBER: _ClassVar[int]
    entity_type: str
    cell_share: float
    mean_score: float
    def __init__(self, entity_type: _Optional[str] = ..., cell_share: _Optional[float] = ..., mean_score: _Optional[float] = ...) -> None: ...

class ColumnPiiScan(_message.Message):
    __slots__ = ("column", "kind", "pii_entity", "confidence", "entities", "masked_samples", "scanned_cells")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PII_ENTITY_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    ENTITIES_FIELD_NUMBER: _ClassVar[int]
    MASKED_SAMPLES_FIELD_NUMBER: _ClassVar[int]
    SCANNED_CELLS_FIELD_NUMBER: _ClassVar[int]
    column: str
    kind: ColumnKind
    pii_entity: str
    confidence: float
    entities: _containers.RepeatedCompositeFieldContainer[EntityShare]
    masked_samples: _containers.RepeatedScalarFieldContainer[str]
    scanned_cells: int
    def __init__(self, column: _Optional[str] = ..., kind: _Optional[_Union[ColumnKind, str]] = ..., pii_entity: _Optional[str] = ..., confidence: _Optional[float] = ..., entities: _Optional[_Iterable[_Union[EntityShare, _Mapping]]] = ..., masked_samples: _Optional[_Iterable[str]] = ..., scanned_cells: _Optional[int] = ...) -> None: ...

class ScanPiiRequest(_message.Message):
    __slots__ = ("dataset", "arrow_ipc")
    DATASET_FIELD_NUMBER: _ClassVar[int]
    ARROW_IPC_FIELD_NUMBER: _ClassVar[int]
    dataset: str
    arrow_ipc: bytes
    def __init__(self, dataset: _Optional[str] = ..., arrow_ipc: _Optional[bytes] = ...) -> None: ...

class PiiScan(_message.Message):
    __slots__ = ("columns", "scanned_rows")
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    SCANNED_ROWS_FIELD_NUMBER: _ClassVar[int]
    columns: _containers.RepeatedCompositeFieldContainer[ColumnPiiScan]
    scanned_rows: int
    def __init__(self, columns: _Optional[_Iterable[_Union[ColumnPiiScan, _Mapping]]] = ..., scanned_rows: _Optional[int] = ...) -> None: ...

class ScrubTextRequest(_message.Message):
    __slots__ = ("id", "text", "dataset")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    DATASET_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    dataset: str
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., dataset: _Optional[str] = ...) -> None: ...

class PiiSpan(_message.Message):
    __slots__ = ("start", "end", "entity_type", "score")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    start: int
    end: int
    entity_type: str
    score: float
    def __init__(self, start: _Optional[int] = ..., end: _Optional[int] = ..., entity_type: _Optional[str] = ..., score: _Optional[float] = ...) -> None: ...

class ScrubTextResponse(_message.Message):
    __slots__ = ("id", "scrubbed_text", "spans")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCRUBBED_TEXT_FIELD_NUMBER: _ClassVar[int]
    SPANS_FIELD_NUMBER: _ClassVar[int]
    id: str
    scrubbed_text: str
    spans: _containers.RepeatedCompositeFieldContainer[PiiSpan]
    def __init__(self, id: _Optional[str] = ..., scrubbed_text: _Optional[str] = ..., spans: _Optional[_Iterable[_Union[PiiSpan, _Mapping]]] = ...) -> None: ...

class PublicColumn(_message.Message):
    __slots__ = ("column", "lower", "upper", "categories")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    LOWER_FIELD_NUMBER: _ClassVar[int]
    UPPER_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    column: str
    lower: float
    upper: float
    categories: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, column: _Optional[str] = ..., lower: _Optional[float] = ..., upper: _Optional[float] = ..., categories: _Optional[_Iterable[str]] = ...) -> None: ...

class SynthesisConfig(_message.Message):
    __slots__ = ("model", "num_rows", "seed", "target_column", "epochs", "text_model", "epsilon", "delta", "public_columns", "public_row_count", "text", "rare_value_threshold", "max_risk", "link_columns_a", "link_columns_b", "conditions", "rebalance", "fill_gaps")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    NUM_ROWS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TARGET_COLUMN_FIELD_NUMBER: _ClassVar[int]
    EPOCHS_FIELD_NUMBER: _ClassVar[int]
    TEXT_MODEL_FIELD_NUMBER: _ClassVar[int]
    EPSILON_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_COLUMNS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    RARE_VALUE_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    MAX_RISK_FIELD_NUMBER: _ClassVar[int]
    LINK_COLUMNS_A_FIELD_NUMBER: _ClassVar[int]
    LINK_COLUMNS_B_FIELD_NUMBER: _ClassVar[int]
    CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    REBALANCE_FIELD_NUMBER: _ClassVar[int]
    FILL_GAPS_FIELD_NUMBER: _ClassVar[int]
    model: Model
    num_rows: int
    seed: int
    target_column: str
    epochs: int
    text_model: TextModel
    epsilon: float
    delta: float
    public_columns: _containers.RepeatedCompositeFieldContainer[PublicColumn]
    public_row_count: int
    text: TextConfig
    rare_value_threshold: int
    max_risk: float
    link_columns_a: _containers.RepeatedScalarFieldContainer[str]
    link_columns_b: _containers.RepeatedScalarFieldContainer[str]
    conditions: _containers.RepeatedCompositeFieldContainer[ConditionGroup]
    rebalance: Rebalance
    fill_gaps: FillGaps
    def __init__(self, model: _Optional[_Union[Model, str]] = ..., num_rows: _Optional[int] = ..., seed: _Optional[int] = ..., target_column: _Optional[str] = ..., epochs: _Optional[int] = ..., text_model: _Optional[_Union[TextModel, str]] = ..., epsilon: _Optional[float] = ..., delta: _Optional[float] = ..., public_columns: _Optional[_Iterable[_Union[PublicColumn, _Mapping]]] = ..., public_row_count: _Optional[int] = ..., text: _Optional[_Union[TextConfig, _Mapping]] = ..., rare_value_threshold: _Optional[int] = ..., max_risk: _Optional[float] = ..., link_columns_a: _Optional[_Iterable[str]] = ..., link_columns_b: _Optional[_Iterable[str]] = ..., conditions: _Optional[_Iterable[_Union[ConditionGroup, _Mapping]]] = ..., rebalance: _Optional[_Union[Rebalance, _Mapping]] = ..., fill_gaps: _Optional[_Union[FillGaps, _Mapping]] = ...) -> None: ...

class FillGaps(_message.Message):
    __slots__ = ("columns", "min_rows")
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    MIN_ROWS_FIELD_NUMBER: _ClassVar[int]
    columns: _containers.RepeatedScalarFieldContainer[str]
    min_rows: int
    def __init__(self, columns: _Optional[_Iterable[str]] = ..., min_rows: _Optional[int] = ...) -> None: ...

class Rebalance(_message.Message):
    __slots__ = ("column", "shares")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    SHARES_FIELD_NUMBER: _ClassVar[int]
    column: str
    shares: _containers.RepeatedCompositeFieldContainer[ValueShare]
    def __init__(self, column: _Optional[str] = ..., shares: _Optional[_Iterable[_Union[ValueShare, _Mapping]]] = ...) -> None: ...

class ValueShare(_message.Message):
    __slots__ = ("value", "share")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    value: str
    share: float
    def __init__(self, value: _Optional[str] = ..., share: _Optional[float] = ...) -> None: ...

class ConditionGroup(_message.Message):
    __slots__ = ("rows", "where", "hard_text_variants")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    WHERE_FIELD_NUMBER: _ClassVar[int]
    HARD_TEXT_VARIANTS_FIELD_NUMBER: _ClassVar[int]
    rows: int
    where: _containers.RepeatedCompositeFieldContainer[ColumnCondition]
    hard_text_variants: bool
    def __init__(self, rows: _Optional[int] = ..., where: _Optional[_Iterable[_Union[ColumnCondition, _Mapping]]] = ..., hard_text_variants: _Optional[bool] = ...) -> None: ...

class ColumnCondition(_message.Message):
    __slots__ = ("column", "values", "min", "max", "exclude")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_FIELD_NUMBER: _ClassVar[int]
    column: str
    values: _containers.RepeatedScalarFieldContainer[str]
    min: float
    max: float
    exclude: bool
    def __init__(self, column: _Optional[str] = ..., values: _Optional[_Iterable[str]] = ..., min: _Optional[float] = ..., max: _Optional[float] = ..., exclude: _Optional[bool] = ...) -> None: ...

class TextConfig(_message.Message):
    __slots__ = ("llm_base_url", "llm_model", "judge_model", "allow_same_judge", "rewrite", "oversample", "leakage_ngram", "embedder", "description", "canaries", "pe_iterations", "pe_population")
    LLM_BASE_URL_FIELD_NUMBER: _ClassVar[int]
    LLM_MODEL_FIELD_NUMBER: _ClassVar[int]
    JUDGE_MODEL_FIELD_NUMBER: _ClassVar[int]
    ALLOW_SAME_JUDGE_FIELD_NUMBER: _ClassVar[int]
    REWRITE_FIELD_NUMBER: _ClassVar[int]
    OVERSAMPLE_FIELD_NUMBER: _ClassVar[int]
    LEAKAGE_NGRAM_FIELD_NUMBER: _ClassVar[int]
    EMBEDDER_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CANARIES_FIELD_NUMBER: _ClassVar[int]
    PE_ITERATIONS_FIELD_NUMBER: _ClassVar[int]
    PE_POPULATION_FIELD_NUMBER: _ClassVar[int]
    llm_base_url: str
    llm_model: str
    judge_model: str
    allow_same_judge: bool
    rewrite: str
    oversample: float
    leakage_ngram: int
    embedder: str
    description: str
    canaries: int
    pe_iterations: int
    pe_population: int
    def __init__(self, llm_base_url: _Optional[str] = ..., llm_model: _Optional[str] = ..., judge_model: _Optional[str] = ..., allow_same_judge: _Optional[bool] = ..., rewrite: _Optional[str] = ..., oversample: _Optional[float] = ..., leakage_ngram: _Optional[int] = ..., embedder: _Optional[str] = ..., description: _Optional[str] = ..., canaries: _Optional[int] = ..., pe_iterations: _Optional[int] = ..., pe_population: _Optional[int] = ...) -> None: ...

class CreateSynthesisRequest(_message.Message):
    __slots__ = ("parent", "config", "synthesis_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    SYNTHESIS_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    config: SynthesisConfig
    synthesis_id: str
    def __init__(self, parent: _Optional[str] = ..., config: _Optional[_Union[SynthesisConfig, _Mapping]] = ..., synthesis_id: _Optional[str] = ...) -> None: ...

class PrivacySpend(_message.Message):
    __slots__ = ("purpose", "rho")
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    RHO_FIELD_NUMBER: _ClassVar[int]
    purpose: str
    rho: float
    def __init__(self, purpose: _Optional[str] = ..., rho: _Optional[float] = ...) -> None: ...

class PrivacyGuarantee(_message.Message):
    __slots__ = ("kind", "epsilon", "delta", "statement", "accountant", "preprocessing", "spends", "dataset_guarantee_void")
    class Kind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        KIND_UNSPECIFIED: _ClassVar[PrivacyGuarantee.Kind]
        KIND_NONE: _ClassVar[PrivacyGuarantee.Kind]
        KIND_DIFFERENTIAL_PRIVACY: _ClassVar[PrivacyGuarantee.Kind]
    KIND_UNSPECIFIED: PrivacyGuarantee.Kind
    KIND_NONE: PrivacyGuarantee.Kind
    KIND_DIFFERENTIAL_PRIVACY: PrivacyGuarantee.Kind
    class PreprocessingEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    KIND_FIELD_NUMBER: _ClassVar[int]
    EPSILON_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTANT_FIELD_NUMBER: _ClassVar[int]
    PREPROCESSING_FIELD_NUMBER: _ClassVar[int]
    SPENDS_FIELD_NUMBER: _ClassVar[int]
    DATASET_GUARANTEE_VOID_FIELD_NUMBER: _ClassVar[int]
    kind: PrivacyGuarantee.Kind
    epsilon: float
    delta: float
    statement: str
    accountant: str
    preprocessing: _containers.ScalarMap[str, str]
    spends: _containers.RepeatedCompositeFieldContainer[PrivacySpend]
    dataset_guarantee_void: bool
    def __init__(self, kind: _Optional[_Union[PrivacyGuarantee.Kind, str]] = ..., epsilon: _Optional[float] = ..., delta: _Optional[float] = ..., statement: _Optional[str] = ..., accountant: _Optional[str] = ..., preprocessing: _Optional[_Mapping[str, str]] = ..., spends: _Optional[_Iterable[_Union[PrivacySpend, _Mapping]]] = ..., dataset_guarantee_void: _Optional[bool] = ...) -> None: ...

class ReportSummary(_message.Message):
    __slots__ = ("column_shape_score", "pair_trend_score", "detection_auc", "exact_copies", "dcr_share", "pii_replay_count", "attack_verdict", "max_attack_risk")
    COLUMN_SHAPE_SCORE_FIELD_NUMBER: _ClassVar[int]
    PAIR_TREND_SCORE_FIELD_NUMBER: _ClassVar[int]
    DETECTION_AUC_FIELD_NUMBER: _ClassVar[int]
    EXACT_COPIES_FIELD_NUMBER: _ClassVar[int]
    DCR_SHARE_FIELD_NUMBER: _ClassVar[int]
    PII_REPLAY_COUNT_FIELD_NUMBER: _ClassVar[int]
    ATTACK_VERDICT_FIELD_NUMBER: _ClassVar[int]
    MAX_ATTACK_RISK_FIELD_NUMBER: _ClassVar[int]
    column_shape_score: float
    pair_trend_score: float
    detection_auc: float
    exact_copies: int
    dcr_share: float
    pii_replay_count: int
    attack_verdict: str
    max_attack_risk: float
    def __init__(self, column_shape_score: _Optional[float] = ..., pair_trend_score: _Optional[float] = ..., detection_auc: _Optional[float] = ..., exact_copies: _Optional[int] = ..., dcr_share: _Optional[float] = ..., pii_replay_count: _Optional[int] = ..., attack_verdict: _Optional[str] = ..., max_attack_risk: _Optional[float] = ...) -> None: ...

class Synthesis(_message.Message):
    __slots__ = ("name", "config", "state", "resolved_model", "privacy_guarantee", "report_summary", "row_count", "error", "create_time", "update_time", "operation", "stage_seconds")
    class State(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        STATE_UNSPECIFIED: _ClassVar[Synthesis.State]
        STATE_PENDING: _ClassVar[Synthesis.State]
        STATE_RUNNING: _ClassVar[Synthesis.State]
        STATE_SUCCEEDED: _ClassVar[Synthesis.State]
        STATE_FAILED: _ClassVar[Synthesis.State]
        STATE_CANCELLED: _ClassVar[Synthesis.State]
    STATE_UNSPECIFIED: Synthesis.State
    STATE_PENDING: Synthesis.State
    STATE_RUNNING: Synthesis.State
    STATE_SUCCEEDED: Synthesis.State
    STATE_FAILED: Synthesis.State
    STATE_CANCELLED: Synthesis.State
    class StageSecondsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_MODEL_FIELD_NUMBER: _ClassVar[int]
    PRIVACY_GUARANTEE_FIELD_NUMBER: _ClassVar[int]
    REPORT_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    STAGE_SECONDS_FIELD_NUMBER: _ClassVar[int]
    name: str
    config: SynthesisConfig
    state: Synthesis.State
    resolved_model: Model
    privacy_guarantee: PrivacyGuarantee
    report_summary: ReportSummary
    row_count: int
    error: _status_pb2.Status
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    operation: str
    stage_seconds: _containers.ScalarMap[str, float]
    def __init__(self, name: _Optional[str] = ..., config: _Optional[_Union[SynthesisConfig, _Mapping]] = ..., state: _Optional[_Union[Synthesis.State, str]] = ..., resolved_model: _Optional[_Union[Model, str]] = ..., privacy_guarantee: _Optional[_Union[PrivacyGuarantee, _Mapping]] = ..., report_summary: _Optional[_Union[ReportSummary, _Mapping]] = ..., row_count: _Optional[int] = ..., error: _Optional[_Union[_status_pb2.Status, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., operation: _Optional[str] = ..., stage_seconds: _Optional[_Mapping[str, float]] = ...) -> None: ...

class SynthesisOperationMetadata(_message.Message):
    __slots__ = ("synthesis", "stage", "progress_percent", "create_time", "update_time", "cancel_requested")
    class Stage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        STAGE_UNSPECIFIED: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_QUEUED: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_FIT: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_SAMPLE: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_FILTER: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_REPORT: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_STORE: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_DONE: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_CANCELLED: _ClassVar[SynthesisOperationMetadata.Stage]
        STAGE_FAILED: _ClassVar[SynthesisOperationMetadata.Stage]
    STAGE_UNSPECIFIED: SynthesisOperationMetadata.Stage
    STAGE_QUEUED: SynthesisOperationMetadata.Stage
    STAGE_FIT: SynthesisOperationMetadata.Stage
    STAGE_SAMPLE: SynthesisOperationMetadata.Stage
    STAGE_FILTER: SynthesisOperationMetadata.Stage
    STAGE_REPORT: SynthesisOperationMetadata.Stage
    STAGE_STORE: SynthesisOperationMetadata.Stage
    STAGE_DONE: SynthesisOperationMetadata.Stage
    STAGE_CANCELLED: SynthesisOperationMetadata.Stage
    STAGE_FAILED: SynthesisOperationMetadata.Stage
    SYNTHESIS_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_PERCENT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    synthesis: str
    stage: SynthesisOperationMetadata.Stage
    progress_percent: float
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    cancel_requested: bool
    def __init__(self, synthesis: _Optional[str] = ..., stage: _Optional[_Union[SynthesisOperationMetadata.Stage, str]] = ..., progress_percent: _Optional[float] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cancel_requested: _Optional[bool] = ...) -> None: ...

class GetSynthesisRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListSynthesesRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListSynthesesResponse(_message.Message):
    __slots__ = ("syntheses", "next_page_token")
    SYNTHESES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    syntheses: _containers.RepeatedCompositeFieldContainer[Synthesis]
    next_page_token: str
    def __init__(self, syntheses: _Optional[_Iterable[_Union[Synthesis, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ReadSyntheticRecordsRequest(_message.Message):
    __slots__ = ("name", "batch_rows")
    NAME_FIELD_NUMBER: _ClassVar[int]
    BATCH_ROWS_FIELD_NUMBER: _ClassVar[int]
    name: str
    batch_rows: int
    def __init__(self, name: _Optional[str] = ..., batch_rows: _Optional[int] = ...) -> None: ...

class RecordBatch(_message.Message):
    __slots__ = ("arrow_ipc", "row_count", "row_offset")
    ARROW_IPC_FIELD_NUMBER: _ClassVar[int]
    ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    ROW_OFFSET_FIELD_NUMBER: _ClassVar[int]
    arrow_ipc: bytes
    row_count: int
    row_offset: int
    def __init__(self, arrow_ipc: _Optional[bytes] = ..., row_count: _Optional[int] = ..., row_offset: _Optional[int] = ...) -> None: ...

class ColumnDrift(_message.Message):
    __slots__ = ("column", "kind", "metric", "score_vs_holdout", "score_vs_train")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    SCORE_VS_HOLDOUT_FIELD_NUMBER: _ClassVar[int]
    SCORE_VS_TRAIN_FIELD_NUMBER: _ClassVar[int]
    column: str
    kind: ColumnKind
    metric: str
    score_vs_holdout: float
    score_vs_train: float
    def __init__(self, column: _Optional[str] = ..., kind: _Optional[_Union[ColumnKind, str]] = ..., metric: _Optional[str] = ..., score_vs_holdout: _Optional[float] = ..., score_vs_train: _Optional[float] = ...) -> None: ...

class PairDrift(_message.Message):
    __slots__ = ("column_a", "column_b", "metric", "score_vs_holdout")
    COLUMN_A_FIELD_NUMBER: _ClassVar[int]
    COLUMN_B_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    SCORE_VS_HOLDOUT_FIELD_NUMBER: _ClassVar[int]
    column_a: str
    column_b: str
    metric: str
    score_vs_holdout: float
    def __init__(self, column_a: _Optional[str] = ..., column_b: _Optional[str] = ..., metric: _Optional[str] = ..., score_vs_holdout: _Optional[float] = ...) -> None: ...

class Utility(_message.Message):
    __slots__ = ("target_column", "task", "metric", "synthetic_score", "real_score")
    TARGET_COLUMN_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    SYNTHETIC_SCORE_FIELD_NUMBER: _ClassVar[int]
    REAL_SCORE_FIELD_NUMBER: _ClassVar[int]
    target_column: str
    task: str
    metric: str
    synthetic_score: float
    real_score: float
    def __init__(self, target_column: _Optional[str] = ..., task: _Optional[str] = ..., metric: _Optional[str] = ..., synthetic_score: _Optional[float] = ..., real_score: _Optional[float] = ...) -> None: ...

class DriftReport(_message.Message):
    __slots__ = ("columns", "pairs", "column_shape_score", "pair_trend_score", "detection_auc", "utility")
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    PAIRS_FIELD_NUMBER: _ClassVar[int]
    COLUMN_SHAPE_SCORE_FIELD_NUMBER: _ClassVar[int]
    PAIR_TREND_SCORE_FIELD_NUMBER: _ClassVar[int]
    DETECTION_AUC_FIELD_NUMBER: _ClassVar[int]
    UTILITY_FIELD_NUMBER: _ClassVar[int]
    columns: _containers.RepeatedCompositeFieldContainer[ColumnDrift]
    pairs: _containers.RepeatedCompositeFieldContainer[PairDrift]
    column_shape_score: float
    pair_trend_score: float
    detection_auc: float
    utility: Utility
    def __init__(self, columns: _Optional[_Iterable[_Union[ColumnDrift, _Mapping]]] = ..., pairs: _Optional[_Iterable[_Union[PairDrift, _Mapping]]] = ..., column_shape_score: _Optional[float] = ..., pair_trend_score: _Optional[float] = ..., detection_auc: _Optional[float] = ..., utility: _Optional[_Union[Utility, _Mapping]] = ...) -> None: ...

class PiiReplay(_message.Message):
    __slots__ = ("count", "by_column", "fingerprints_checked", "gate_replaced")
    class ByColumnEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class GateReplacedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    COUNT_FIELD_NUMBER: _ClassVar[int]
    BY_COLUMN_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINTS_CHECKED_FIELD_NUMBER: _ClassVar[int]
    GATE_REPLACED_FIELD_NUMBER: _ClassVar[int]
    count: int
    by_column: _containers.ScalarMap[str, int]
    fingerprints_checked: int
    gate_replaced: _containers.ScalarMap[str, int]
    def __init__(self, count: _Optional[int] = ..., by_column: _Optional[_Mapping[str, int]] = ..., fingerprints_checked: _Optional[int] = ..., gate_replaced: _Optional[_Mapping[str, int]] = ...) -> None: ...

class ValueProtection(_message.Message):
    __slots__ = ("k", "columns")
    K_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    k: int
    columns: _containers.RepeatedCompositeFieldContainer[ProtectedColumn]
    def __init__(self, k: _Optional[int] = ..., columns: _Optional[_Iterable[_Union[ProtectedColumn, _Mapping]]] = ...) -> None: ...

class ProtectedColumn(_message.Message):
    __slots__ = ("column", "kind", "values", "rows", "how")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    HOW_FIELD_NUMBER: _ClassVar[int]
    column: str
    kind: str
    values: int
    rows: int
    how: str
    def __init__(self, column: _Optional[str] = ..., kind: _Optional[str] = ..., values: _Optional[int] = ..., rows: _Optional[int] = ..., how: _Optional[str] = ...) -> None: ...

class LeakageReport(_message.Message):
    __slots__ = ("exact_copies", "exact_copy_share", "dcr_share", "dcr_median", "nndr_median", "pii_replay", "value_protection", "natural_copy_share", "engine_guards", "attacks", "natural_dcr_median", "nndr_p05", "natural_nndr_p05", "dcr_share_max", "dcr_share_max_columns")
    class EngineGuardsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    EXACT_COPIES_FIELD_NUMBER: _ClassVar[int]
    EXACT_COPY_SHARE_FIELD_NUMBER: _ClassVar[int]
    DCR_SHARE_FIELD_NUMBER: _ClassVar[int]
    DCR_MEDIAN_FIELD_NUMBER: _ClassVar[int]
    NNDR_MEDIAN_FIELD_NUMBER: _ClassVar[int]
    PII_REPLAY_FIELD_NUMBER: _ClassVar[int]
    VALUE_PROTECTION_FIELD_NUMBER: _ClassVar[int]
    NATURAL_COPY_SHARE_FIELD_NUMBER: _ClassVar[int]
    ENGINE_GUARDS_FIELD_NUMBER: _ClassVar[int]
    ATTACKS_FIELD_NUMBER: _ClassVar[int]
    NATURAL_DCR_MEDIAN_FIELD_NUMBER: _ClassVar[int]
    NNDR_P05_FIELD_NUMBER: _ClassVar[int]
    NATURAL_NNDR_P05_FIELD_NUMBER: _ClassVar[int]
    DCR_SHARE_MAX_FIELD_NUMBER: _ClassVar[int]
    DCR_SHARE_MAX_COLUMNS_FIELD_NUMBER: _ClassVar[int]
    exact_copies: int
    exact_copy_share: float
    dcr_share: float
    dcr_median: float
    nndr_median: float
    pii_replay: PiiReplay
    value_protection: ValueProtection
    natural_copy_share: float
    engine_guards: _containers.ScalarMap[str, float]
    attacks: AttackReport
    natural_dcr_median: float
    nndr_p05: float
    natural_nndr_p05: float
    dcr_share_max: float
    dcr_share_max_columns: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, exact_copies: _Optional[int] = ..., exact_copy_share: _Optional[float] = ..., dcr_share: _Optional[float] = ..., dcr_median: _Optional[float] = ..., nndr_median: _Optional[float] = ..., pii_replay: _Optional[_Union[PiiReplay, _Mapping]] = ..., value_protection: _Optional[_Union[ValueProtection, _Mapping]] = ..., natural_copy_share: _Optional[float] = ..., engine_guards: _Optional[_Mapping[str, float]] = ..., attacks: _Optional[_Union[AttackReport, _Mapping]] = ..., natural_dcr_median: _Optional[float] = ..., nndr_p05: _Optional[float] = ..., natural_nndr_p05: _Optional[float] = ..., dcr_share_max: _Optional[float] = ..., dcr_share_max_columns: _Optional[_Iterable[str]] = ...) -> None: ...

class AttackReport(_message.Message):
    __slots__ = ("risks", "membership", "thresholds", "verdict", "rows_compared", "synthetic_rows_compared")
    class ThresholdsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    RISKS_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIP_FIELD_NUMBER: _ClassVar[int]
    THRESHOLDS_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    ROWS_COMPARED_FIELD_NUMBER: _ClassVar[int]
    SYNTHETIC_ROWS_COMPARED_FIELD_NUMBER: _ClassVar[int]
    risks: _containers.RepeatedCompositeFieldContainer[AttackRisk]
    membership: _containers.RepeatedCompositeFieldContainer[MembershipRisk]
    thresholds: _containers.ScalarMap[str, float]
    verdict: str
    rows_compared: int
    synthetic_rows_compared: int
    def __init__(self, risks: _Optional[_Iterable[_Union[AttackRisk, _Mapping]]] = ..., membership: _Optional[_Iterable[_Union[MembershipRisk, _Mapping]]] = ..., thresholds: _Optional[_Mapping[str, float]] = ..., verdict: _Optional[str] = ..., rows_compared: _Optional[int] = ..., synthetic_rows_compared: _Optional[int] = ...) -> None: ...

class AttackRisk(_message.Message):
    __slots__ = ("attack", "mode", "attempts", "main_rate", "control_rate", "baseline_rate", "risk", "risk_low", "risk_high", "beats_baseline", "verdict", "note")
    ATTACK_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    MAIN_RATE_FIELD_NUMBER: _ClassVar[int]
    CONTROL_RATE_FIELD_NUMBER: _ClassVar[int]
    BASELINE_RATE_FIELD_NUMBER: _ClassVar[int]
    RISK_FIELD_NUMBER: _ClassVar[int]
    RISK_LOW_FIELD_NUMBER: _ClassVar[int]
    RISK_HIGH_FIELD_NUMBER: _ClassVar[int]
    BEATS_BASELINE_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    attack: str
    mode: str
    attempts: int
    main_rate: float
    control_rate: float
    baseline_rate: float
    risk: float
    risk_low: float
    risk_high: float
    beats_baseline: bool
    verdict: str
    note: str
    def __init__(self, attack: _Optional[str] = ..., mode: _Optional[str] = ..., attempts: _Optional[int] = ..., main_rate: _Optional[float] = ..., control_rate: _Optional[float] = ..., baseline_rate: _Optional[float] = ..., risk: _Optional[float] = ..., risk_low: _Optional[float] = ..., risk_high: _Optional[float] = ..., beats_baseline: _Optional[bool] = ..., verdict: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class MembershipRisk(_message.Message):
    __slots__ = ("attack", "auc", "auc_low", "auc_high", "tpr_at_1pct_fpr", "tpr_low", "tpr_high", "members", "non_members", "verdict")
    ATTACK_FIELD_NUMBER: _ClassVar[int]
    AUC_FIELD_NUMBER: _ClassVar[int]
    AUC_LOW_FIELD_NUMBER: _ClassVar[int]
    AUC_HIGH_FIELD_NUMBER: _ClassVar[int]
    TPR_AT_1PCT_FPR_FIELD_NUMBER: _ClassVar[int]
    TPR_LOW_FIELD_NUMBER: _ClassVar[int]
    TPR_HIGH_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    NON_MEMBERS_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    attack: str
    auc: float
    auc_low: float
    auc_high: float
    tpr_at_1pct_fpr: float
    tpr_low: float
    tpr_high: float
    members: int
    non_members: int
    verdict: str
    def __init__(self, attack: _Optional[str] = ..., auc: _Optional[float] = ..., auc_low: _Optional[float] = ..., auc_high: _Optional[float] = ..., tpr_at_1pct_fpr: _Optional[float] = ..., tpr_low: _Optional[float] = ..., tpr_high: _Optional[float] = ..., members: _Optional[int] = ..., non_members: _Optional[int] = ..., verdict: _Optional[str] = ...) -> None: ...

class TextDrift(_message.Message):
    __slots__ = ("length_ks", "vocab_tv", "embedding_mmd", "embedding_auc", "cluster_coverage", "mean_tokens_real", "mean_tokens_synthetic", "embedding_auc_low", "embedding_auc_high", "embedded_texts")
    LENGTH_KS_FIELD_NUMBER: _ClassVar[int]
    VOCAB_TV_FIELD_NUMBER: _ClassVar[int]
    EMBEDDING_MMD_FIELD_NUMBER: _ClassVar[int]
    EMBEDDING_AUC_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_COVERAGE_FIELD_NUMBER: _ClassVar[int]
    MEAN_TOKENS_REAL_FIELD_NUMBER: _ClassVar[int]
    MEAN_TOKENS_SYNTHETIC_FIELD_NUMBER: _ClassVar[int]
    EMBEDDING_AUC_LOW_FIELD_NUMBER: _ClassVar[int]
    EMBEDDING_AUC_HIGH_FIELD_NUMBER: _ClassVar[int]
    EMBEDDED_TEXTS_FIELD_NUMBER: _ClassVar[int]
    length_ks: float
    vocab_tv: float
    embedding_mmd: float
    embedding_auc: float
    cluster_coverage: float
    mean_tokens_real: float
    mean_tokens_synthetic: float
    embedding_auc_low: float
    embedding_auc_high: float
    embedded_texts: int
    def __init__(self, length_ks: _Optional[float] = ..., vocab_tv: _Optional[float] = ..., embedding_mmd: _Optional[float] = ..., embedding_auc: _Optional[float] = ..., cluster_coverage: _Optional[float] = ..., mean_tokens_real: _Optional[float] = ..., mean_tokens_synthetic: _Optional[float] = ..., embedding_auc_low: _Optional[float] = ..., embedding_auc_high: _Optional[float] = ..., embedded_texts: _Optional[int] = ...) -> None: ...

class TextDiversity(_message.Message):
    __slots__ = ("distinct_1", "distinct_2", "vendi", "vendi_real", "cluster_coverage", "duplicate_share")
    DISTINCT_1_FIELD_NUMBER: _ClassVar[int]
    DISTINCT_2_FIELD_NUMBER: _ClassVar[int]
    VENDI_FIELD_NUMBER: _ClassVar[int]
    VENDI_REAL_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_COVERAGE_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_SHARE_FIELD_NUMBER: _ClassVar[int]
    distinct_1: float
    distinct_2: float
    vendi: float
    vendi_real: float
    cluster_coverage: float
    duplicate_share: float
    def __init__(self, distinct_1: _Optional[float] = ..., distinct_2: _Optional[float] = ..., vendi: _Optional[float] = ..., vendi_real: _Optional[float] = ..., cluster_coverage: _Optional[float] = ..., duplicate_share: _Optional[float] = ...) -> None: ...

class TextLeakage(_message.Message):
    __slots__ = ("longest_overlap_max", "longest_overlap_p50", "longest_overlap_p95", "share_over_threshold", "threshold", "pii_replay", "canaries_planted", "canaries_exposed", "canary_exposure")
    LONGEST_OVERLAP_MAX_FIELD_NUMBER: _ClassVar[int]
    LONGEST_OVERLAP_P50_FIELD_NUMBER: _ClassVar[int]
    LONGEST_OVERLAP_P95_FIELD_NUMBER: _ClassVar[int]
    SHARE_OVER_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    PII_REPLAY_FIELD_NUMBER: _ClassVar[int]
    CANARIES_PLANTED_FIELD_NUMBER: _ClassVar[int]
    CANARIES_EXPOSED_FIELD_NUMBER: _ClassVar[int]
    CANARY_EXPOSURE_FIELD_NUMBER: _ClassVar[int]
    longest_overlap_max: int
    longest_overlap_p50: float
    longest_overlap_p95: float
    share_over_threshold: float
    threshold: int
    pii_replay: int
    canaries_planted: int
    canaries_exposed: int
    canary_exposure: float
    def __init__(self, longest_overlap_max: _Optional[int] = ..., longest_overlap_p50: _Optional[float] = ..., longest_overlap_p95: _Optional[float] = ..., share_over_threshold: _Optional[float] = ..., threshold: _Optional[int] = ..., pii_replay: _Optional[int] = ..., canaries_planted: _Optional[int] = ..., canaries_exposed: _Optional[int] = ..., canary_exposure: _Optional[float] = ...) -> None: ...

class TextGeneration(_message.Message):
    __slots__ = ("engine", "generator_model", "judge_model", "prompts", "candidates", "kept", "rejected", "requests", "retries", "prompt_tokens", "completion_tokens", "cost", "diversity_before", "diversity_after")
    class RejectedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class DiversityBeforeEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    class DiversityAfterEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    ENGINE_FIELD_NUMBER: _ClassVar[int]
    GENERATOR_MODEL_FIELD_NUMBER: _ClassVar[int]
    JUDGE_MODEL_FIELD_NUMBER: _ClassVar[int]
    PROMPTS_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    REJECTED_FIELD_NUMBER: _ClassVar[int]
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    RETRIES_FIELD_NUMBER: _ClassVar[int]
    PROMPT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_TOKENS_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    DIVERSITY_BEFORE_FIELD_NUMBER: _ClassVar[int]
    DIVERSITY_AFTER_FIELD_NUMBER: _ClassVar[int]
    engine: str
    generator_model: str
    judge_model: str
    prompts: _containers.RepeatedScalarFieldContainer[str]
    candidates: int
    kept: int
    rejected: _containers.ScalarMap[str, int]
    requests: int
    retries: int
    prompt_tokens: int
    completion_tokens: int
    cost: float
    diversity_before: _containers.ScalarMap[str, float]
    diversity_after: _containers.ScalarMap[str, float]
    def __init__(self, engine: _Optional[str] = ..., generator_model: _Optional[str] = ..., judge_model: _Optional[str] = ..., prompts: _Optional[_Iterable[str]] = ..., candidates: _Optional[int] = ..., kept: _Optional[int] = ..., rejected: _Optional[_Mapping[str, int]] = ..., requests: _Optional[int] = ..., retries: _Optional[int] = ..., prompt_tokens: _Optional[int] = ..., completion_tokens: _Optional[int] = ..., cost: _Optional[float] = ..., diversity_before: _Optional[_Mapping[str, float]] = ..., diversity_after: _Optional[_Mapping[str, float]] = ...) -> None: ...

class TextColumnReport(_message.Message):
    __slots__ = ("column", "drift", "diversity", "leakage", "generation", "warnings")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    DRIFT_FIELD_NUMBER: _ClassVar[int]
    DIVERSITY_FIELD_NUMBER: _ClassVar[int]
    LEAKAGE_FIELD_NUMBER: _ClassVar[int]
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    column: str
    drift: TextDrift
    diversity: TextDiversity
    leakage: TextLeakage
    generation: TextGeneration
    warnings: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, column: _Optional[str] = ..., drift: _Optional[_Union[TextDrift, _Mapping]] = ..., diversity: _Optional[_Union[TextDiversity, _Mapping]] = ..., leakage: _Optional[_Union[TextLeakage, _Mapping]] = ..., generation: _Optional[_Union[TextGeneration, _Mapping]] = ..., warnings: _Optional[_Iterable[str]] = ...) -> None: ...

class Report(_message.Message):
    __slots__ = ("name", "drift", "leakage", "privacy_guarantee", "train_rows", "holdout_rows", "synthetic_rows", "json", "html", "warnings", "text_columns", "conditions")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DRIFT_FIELD_NUMBER: _ClassVar[int]
    LEAKAGE_FIELD_NUMBER: _ClassVar[int]
    PRIVACY_GUARANTEE_FIELD_NUMBER: _ClassVar[int]
    TRAIN_ROWS_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_ROWS_FIELD_NUMBER: _ClassVar[int]
    SYNTHETIC_ROWS_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLUMNS_FIELD_NUMBER: _ClassVar[int]
    CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    name: str
    drift: DriftReport
    leakage: LeakageReport
    privacy_guarantee: PrivacyGuarantee
    train_rows: int
    holdout_rows: int
    synthetic_rows: int
    json: str
    html: str
    warnings: _containers.RepeatedScalarFieldContainer[str]
    text_columns: _containers.RepeatedCompositeFieldContainer[TextColumnReport]
    conditions: _containers.RepeatedCompositeFieldContainer[ConditionGroupReport]
    def __init__(self, name: _Optional[str] = ..., drift: _Optional[_Union[DriftReport, _Mapping]] = ..., leakage: _Optional[_Union[LeakageReport, _Mapping]] = ..., privacy_guarantee: _Optional[_Union[PrivacyGuarantee, _Mapping]] = ..., train_rows: _Optional[int] = ..., holdout_rows: _Optional[int] = ..., synthetic_rows: _Optional[int] = ..., json: _Optional[str] = ..., html: _Optional[str] = ..., warnings: _Optional[_Iterable[str]] = ..., text_columns: _Optional[_Iterable[_Union[TextColumnReport, _Mapping]]] = ..., conditions: _Optional[_Iterable[_Union[ConditionGroupReport, _Mapping]]] = ...) -> None: ...

class ConditionGroupReport(_message.Message):
    __slots__ = ("group", "rows_asked", "rows_made", "method", "rows_drawn", "holdout_rows", "column_shape_score", "share", "where", "training_rows")
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ROWS_ASKED_FIELD_NUMBER: _ClassVar[int]
    ROWS_MADE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    ROWS_DRAWN_FIELD_NUMBER: _ClassVar[int]
    HOLDOUT_ROWS_FIELD_NUMBER: _ClassVar[int]
    COLUMN_SHAPE_SCORE_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    WHERE_FIELD_NUMBER: _ClassVar[int]
    TRAINING_ROWS_FIELD_NUMBER: _ClassVar[int]
    group: int
    rows_asked: int
    rows_made: int
    method: str
    rows_drawn: int
    holdout_rows: int
    column_shape_score: float
    share: float
    where: _containers.RepeatedCompositeFieldContainer[ColumnCondition]
    training_rows: int
    def __init__(self, group: _Optional[int] = ..., rows_asked: _Optional[int] = ..., rows_made: _Optional[int] = ..., method: _Optional[str] = ..., rows_drawn: _Optional[int] = ..., holdout_rows: _Optional[int] = ..., column_shape_score: _Optional[float] = ..., share: _Optional[float] = ..., where: _Optional[_Iterable[_Union[ColumnCondition, _Mapping]]] = ..., training_rows: _Optional[int] = ...) -> None: ...

class GetReportRequest(_message.Message):
    __slots__ = ("name", "view")
    class View(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        VIEW_UNSPECIFIED: _ClassVar[GetReportRequest.View]
        VIEW_BASIC: _ClassVar[GetReportRequest.View]
        VIEW_JSON: _ClassVar[GetReportRequest.View]
        VIEW_HTML: _ClassVar[GetReportRequest.View]
        VIEW_FULL: _ClassVar[GetReportRequest.View]
    VIEW_UNSPECIFIED: GetReportRequest.View
    VIEW_BASIC: GetReportRequest.View
    VIEW_JSON: GetReportRequest.View
    VIEW_HTML: GetReportRequest.View
    VIEW_FULL: GetReportRequest.View
    NAME_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    name: str
    view: GetReportRequest.View
    def __init__(self, name: _Optional[str] = ..., view: _Optional[_Union[GetReportRequest.View, str]] = ...) -> None: ...

class GetPrivacyBudgetRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class PrivacyCharge(_message.Message):
    __slots__ = ("synthesis", "mechanism", "epsilon", "delta", "epsilon_spent", "delta_spent", "state", "differentially_private", "create_time", "update_time")
    class State(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        STATE_UNSPECIFIED: _ClassVar[PrivacyCharge.State]
        STATE_HELD: _ClassVar[PrivacyCharge.State]
        STATE_SPENT: _ClassVar[PrivacyCharge.State]
        STATE_REFUNDED: _ClassVar[PrivacyCharge.State]
    STATE_UNSPECIFIED: PrivacyCharge.State
    STATE_HELD: PrivacyCharge.State
    STATE_SPENT: PrivacyCharge.State
    STATE_REFUNDED: PrivacyCharge.State
    SYNTHESIS_FIELD_NUMBER: _ClassVar[int]
    MECHANISM_FIELD_NUMBER: _ClassVar[int]
    EPSILON_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    EPSILON_SPENT_FIELD_NUMBER: _ClassVar[int]
    DELTA_SPENT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    DIFFERENTIALLY_PRIVATE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    synthesis: str
    mechanism: str
    epsilon: float
    delta: float
    epsilon_spent: float
    delta_spent: float
    state: PrivacyCharge.State
    differentially_private: bool
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, synthesis: _Optional[str] = ..., mechanism: _Optional[str] = ..., epsilon: _Optional[float] = ..., delta: _Optional[float] = ..., epsilon_spent: _Optional[float] = ..., delta_spent: _Optional[float] = ..., state: _Optional[_Union[PrivacyCharge.State, str]] = ..., differentially_private: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PrivacyBudget(_message.Message):
    __slots__ = ("name", "epsilon_total", "delta_total", "epsilon_spent", "delta_spent", "epsilon_remaining", "delta_remaining", "policy", "guarantee_void", "charges")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EPSILON_TOTAL_FIELD_NUMBER: _ClassVar[int]
    DELTA_TOTAL_FIELD_NUMBER: _ClassVar[int]
    EPSILON_SPENT_FIELD_NUMBER: _ClassVar[int]
    DELTA_SPENT_FIELD_NUMBER: _ClassVar[int]
    EPSILON_REMAINING_FIELD_NUMBER: _ClassVar[int]
    DELTA_REMAINING_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    GUARANTEE_VOID_FIELD_NUMBER: _ClassVar[int]
    CHARGES_FIELD_NUMBER: _ClassVar[int]
    name: str
    epsilon_total: float
    delta_total: float
    epsilon_spent: float
    delta_spent: float
    epsilon_remaining: float
    delta_remaining: float
    policy: PrivacyPolicy
    guarantee_void: bool
    charges: _containers.RepeatedCompositeFieldContainer[PrivacyCharge]
    def __init__(self, name: _Optional[str] = ..., epsilon_total: _Optional[float] = ..., delta_total: _Optional[float] = ..., epsilon_spent: _Optional[float] = ..., delta_spent: _Optional[float] = ..., epsilon_remaining: _Optional[float] = ..., delta_remaining: _Optional[float] = ..., policy: _Optional[_Union[PrivacyPolicy, _Mapping]] = ..., guarantee_void: _Optional[bool] = ..., charges: _Optional[_Iterable[_Union[PrivacyCharge, _Mapping]]] = ...) -> None: ...
