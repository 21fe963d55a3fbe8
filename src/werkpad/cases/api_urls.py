from rest_framework.routers import DefaultRouter

from werkpad.cases.api import ActionViewSet, CaseViewSet, MeetingViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("cases", CaseViewSet, basename="case")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("actions", ActionViewSet, basename="action")

urlpatterns = router.urls
