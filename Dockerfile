# Readout: serves the API on port 8000; ingests seed_data/ on first start.
FROM python:3.11-slim

WORKDIR /srv/readout
COPY pyproject.toml setup.py README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seed_data ./seed_data
# a C compiler for the build only: mypyc compiles the extraction stages (setup.py)
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && pip install --no-cache-dir -e '.[postgres]' \
    && python -c "import app.extract, sys; sys.exit(not app.extract.compiled())" \
    && apt-get purge -y --auto-remove gcc libc6-dev && rm -rf /var/lib/apt/lists/* build

# The SQLite default lives on a volume; set READOUT_DATABASE_URL for PostgreSQL.
ENV READOUT_DATABASE_URL=sqlite:////data/readout.db
VOLUME ["/data"]
EXPOSE 8000
CMD ["readout", "serve", "--host", "0.0.0.0", "--port", "8000", "--seed", "seed_data"]
