from rest_framework.routers import DefaultRouter

from werkpad.organisations.api import OrganisationViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("organisations", OrganisationViewSet, basename="organisation")

urlpatterns = router.urls
