# Rapport in a container: the SDK image builds and publishes (scripts/publish, which CI runs too), the ASP.NET
# runtime image runs it as a non-root user, with its data in a volume. compose.yaml runs it beside PostgreSQL.
#   docker build --build-arg SOURCE_COMMIT=$(git rev-parse HEAD) -t rapport .
#   docker run -p 8080:8080 -v rapport-data:/data rapport

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build fetches the front-end packages (htmx, Pico CSS) with npm.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# No git clone in here (.dockerignore leaves .git out): the commit shown on the About page comes in as an argument.
ARG SOURCE_COMMIT=""
RUN SOURCE_COMMIT="$SOURCE_COMMIT" scripts/publish /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS run
# Time-zone data (meetings in the person's zone) and curl for the health check; the image already carries ICU
# (names sorted and searched in the person's language).
RUN apt-get update && apt-get install -y --no-install-recommends tzdata curl && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown "$APP_UID" /data
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    Urls=http://+:8080 \
    App__DataDirectory=/data \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0555 /app /app
VOLUME /data
EXPOSE 8080
# The image's own non-root user: the application folder is read-only to it; only /data is writable.
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD curl -fsS http://localhost:8080/healthz/live || exit 1
ENTRYPOINT ["dotnet", "/app/Rapport.dll"]
