# syntax=docker/dockerfile:1
# The repurpose binary in a distroless image. One image for every role:
#   docker run IMAGE serve | worker | scheduler | reindex | version
# Build: docker build --build-arg VERSION=$(git describe --always --dirty) -t repurpose .

FROM golang:1.26-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-mod=readonly
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
ARG VERSION=dev
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/repurpose ./cmd/repurpose

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/repurpose /repurpose
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/repurpose"]
CMD ["serve"]
