"""`/api/v1/matches/` and `/api/v1/placements/`."""

from rest_framework.routers import SimpleRouter

from werkpad.matching.api import MatchViewSet, PlacementViewSet

router = SimpleRouter(trailing_slash=True)
router.register("matches", MatchViewSet, basename="match")
router.register("placements", PlacementViewSet, basename="placement")

urlpatterns = router.urls
