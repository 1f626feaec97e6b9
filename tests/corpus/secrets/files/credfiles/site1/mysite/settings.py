from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure-*29y(n85klr30y1ggri-q-6ad@^35p1^rez+=j9uqevprlblh2'
DEBUG = False
