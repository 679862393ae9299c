# Runs `veil serve` on 0.0.0.0:50551 with data in /data.
# Tokens: set VEIL_TOKENS="token=tenant,...". Master key: mount a file outside
# /data at /keys/master.key (created on first start if absent).
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 DO_NOT_TRACK=1 \
    VEIL_HOST=0.0.0.0 VEIL_PORT=50551 VEIL_DATA_DIR=/data VEIL_MASTER_KEY_FILE=/keys/master.key

WORKDIR /app
# CPU-only torch first so that the SDV/Opacus dependencies do not pull CUDA builds.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY protos ./protos
COPY veil ./veil
RUN pip install . && useradd --create-home veil && mkdir -p /data /keys && chown veil /data /keys
USER veil
VOLUME ["/data", "/keys"]
EXPOSE 50551
HEALTHCHECK CMD python -c "import grpc,sys; from grpc_health.v1 import health_pb2 as h, health_pb2_grpc as g; \
sys.exit(g.HealthStub(grpc.insecure_channel('127.0.0.1:50551')).Check(h.HealthCheckRequest()).status != 1)"
ENTRYPOINT ["veil", "serve"]
