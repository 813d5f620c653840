# syntax=docker/dockerfile:1
# bcop in a container, for any CI (docs/ci.md):
#
#   docker build --build-arg BCOP_GIT_COMMIT="$(git rev-parse HEAD)" -t bcop .
#   docker run --rm -v "$PWD:/site" -w /site bcop build
#
# The build context holds only what cargo reads (.dockerignore), without .git: the commit
# that `bcop --version` shows comes in as BCOP_GIT_COMMIT.

# The toolchain the project is tested with; Cargo.toml's rust-version is the minimum.
ARG RUST_VERSION=1.95

FROM rust:${RUST_VERSION}-bookworm AS build
WORKDIR /src
COPY . .
ARG BCOP_GIT_COMMIT=
ENV BCOP_GIT_COMMIT=${BCOP_GIT_COMMIT}
# The cache mounts keep the registry and the compiled dependencies between image builds
# (the first build compiles Typst: about 13 minutes on 2 cores). target/ is a mount, so
# the binary is copied out of it.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked \
    && cp target/release/bcop /usr/local/bin/bcop

FROM debian:bookworm-slim
# fonts-noto-cjk: the PDFs' Japanese text uses Noto instead of the font bcop carries.
# git: translation status reads the site's history. The site is mounted from the host and
# belongs to another user, which git refuses unless the folder is marked safe.
# Debian's versions are not pinned: bookworm's security updates replace them.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates fonts-noto-cjk git \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory '*' \
    && useradd --create-home --uid 1000 --user-group bcop
COPY --from=build /usr/local/bin/bcop /usr/local/bin/bcop
# Numeric, so that a runtime that requires a non-root user (Kubernetes runAsNonRoot) can see it.
USER 1000:1000
WORKDIR /site
ENTRYPOINT ["bcop"]
CMD ["build"]
