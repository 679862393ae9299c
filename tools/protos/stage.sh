#!/usr/bin/env sh
# Stage the Google and gRPC .proto files Veil's contract uses, from the npm packages that
# package.json pins, into include/ under the import paths protoc and buf expect.
set -eu
cd "$(dirname "$0")"
rm -rf include
copy() { mkdir -p "include/$(dirname "$2")" && cp "node_modules/$1" "include/$2"; }
for f in api/annotations api/client api/field_behavior api/http api/launch_stage \
         longrunning/operations rpc/code rpc/error_details rpc/status; do
  copy "google-proto-files/google/$f.proto" "google/$f.proto"
done
copy grpc-health-check/proto/health/v1/health.proto grpc/health/v1/health.proto
for v in v1 v1alpha; do
  copy "@grpc/reflection/build/proto/grpc/reflection/$v/reflection.proto" "grpc/reflection/$v/reflection.proto"
done
