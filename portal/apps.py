from axes.apps import AppConfig as BaseAxesConfig


class AxesConfig(BaseAxesConfig):
    """django-axes under a Vietnamese name in the admin (its models are translated in locale/)."""

    verbose_name = "Đăng nhập sai"
