# Used by docker-compose.yml; the scripts in eng/ need no Docker. (No Docker engine exists on the development machine,
# so this file is not exercised by CI: eng/run.sh and eng/test.sh are the tested paths.)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/DsarEngine.Server -c Release -o /out

# Debian (trixie), not the default Ubuntu tag: response packs are printed by Debian's chromium package (Playwright never
# downloads a browser), with DejaVu (Latin, Greek, Cyrillic) and WenQuanYi Micro Hei (CJK) fonts embedded in the PDFs.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-trixie-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out .
# Not root (security review L8): the .NET images ship an unprivileged "app" user for this.
USER $APP_UID
ENTRYPOINT ["dotnet", "DsarEngine.Server.dll"]
