# syntax=docker/dockerfile:1
# The repurpose binary on Debian slim with poppler-utils, which reads PDFs in a separate,
# time- and memory-limited process (docs/inputs.md). One image for every role:
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

# The fonts cards are set in (brand.cards.fonts defaults to these paths): Noto Sans for
# Latin, Greek and Cyrillic, Noto Sans CJK for Chinese, Japanese and Korean.
FROM debian:bookworm-slim AS fonts
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-noto-core fonts-noto-cjk >/dev/null

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends poppler-utils ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 65532 --user-group --no-create-home --shell /usr/sbin/nologin nonroot
COPY --from=build /out/repurpose /repurpose
COPY --from=fonts /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf /usr/share/fonts/truetype/noto/
COPY --from=fonts /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc /usr/share/fonts/opentype/noto/
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/repurpose"]
CMD ["serve"]
