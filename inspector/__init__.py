"""Cloud Desktop Image Inspector: fetch a Yandex Cloud Desktop image by ID and explain it."""

__version__ = "0.1.0"
APP_NAME = "cloud-desktop-inspector"
