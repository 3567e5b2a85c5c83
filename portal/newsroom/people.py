"""How staff are named and which unit they write for; every list, byline and history uses it."""


def display_name(user):
    """The person's full name: the profile's, else the account's first and last names."""
    if user is None:
        return "—"
    profile = getattr(user, "profile", None)
    if profile is not None and profile.full_name:
        return profile.full_name
    return user.get_full_name() or user.get_username()


def unit_of(user):
    profile = getattr(user, "profile", None)
    return profile.unit if profile is not None else None
