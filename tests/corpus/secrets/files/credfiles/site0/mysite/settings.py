from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure-rbdc@+d_x^g@2l2b8q1o6q6*j^9f+dvc4%n1#7_9p7b4qk1565'
DEBUG = False
