from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PersonalIdBackend(ModelBackend):
    """Citizens sign in with their 12-digit personal ID; staff keep their user names."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and len(username) == 12 and username.isdigit():
            user = get_user_model().objects.filter(personal_id=username).first()
            if user is not None:
                username = user.username
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # Every signed-in request asks for the role and the agency (government.selectors.role_of, the staff
        # middlewares): one query for all three, not three.
        try:
            user = get_user_model()._default_manager.select_related("staff_role__agency").get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
