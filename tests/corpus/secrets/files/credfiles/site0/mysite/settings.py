from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = 'django-insecure-xk2-g60u4ax%z0k7b#o%f%p_6tnp))fd7x&^dd0=#w9yrizuh2'
DEBUG = False
