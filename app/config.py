"""Settings read from the environment (prefix READOUT_)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the service; the README's configuration table lists them all."""

    model_config = SettingsConfigDict(env_prefix="READOUT_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///readout.db",
        description="SQLAlchemy URL of the database (SQLite file or postgresql+psycopg://...).",
    )
    api_keys: str = Field(
        default="",
        description="Comma-separated bearer keys allowed to write; empty means read-only.",
    )
    max_text_bytes: int = Field(
        default=2_000_000, description="Largest document text accepted (UTF-8 bytes)."
    )
    max_body_bytes: int = Field(
        default=8_000_000, description="Largest request body accepted (bytes)."
    )
    write_rate_per_minute: int = Field(
        default=600, description="Writes allowed per minute for each key (0: no limit)."
    )
    record_cache_mb: float = Field(
        default=16,
        ge=0,
        description="Memory each worker may keep built records in, in MB (0: build every time).",
    )
    cors_origins: str = Field(
        default="",
        description="Comma-separated origins allowed to call the API from a browser ('*' for any).",
    )

    @property
    def allowed_origins(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def record_cache_bytes(self) -> int:
        return int(self.record_cache_mb * 1_000_000)

    @property
    def write_keys(self) -> tuple[str, ...]:
        return tuple(key.strip() for key in self.api_keys.split(",") if key.strip())


@lru_cache
def get_settings() -> Settings:
    return Settings()
