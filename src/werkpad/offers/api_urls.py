"""`/api/v1/employers/` and `/api/v1/offers/`."""

from rest_framework.routers import SimpleRouter

from werkpad.offers.api import EmployerViewSet, OfferViewSet

router = SimpleRouter(trailing_slash=True)
router.register("employers", EmployerViewSet, basename="employer")
router.register("offers", OfferViewSet, basename="offer")

urlpatterns = router.urls
