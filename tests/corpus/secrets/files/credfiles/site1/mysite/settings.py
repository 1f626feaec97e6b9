from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure--&kvrxh9d1olx^le@s&76kg)t488*bmn(@r3+ct&#29sod&yhr'
DEBUG = False
