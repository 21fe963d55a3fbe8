"""`/api/v1/candidates/` and the parts of a dossier under `candidates/{candidate_id}/`."""

from rest_framework.routers import SimpleRouter

from werkpad.candidates.api import (
    BarrierViewSet,
    BenefitPeriodViewSet,
    CandidateViewSet,
    ConsentViewSet,
    LadderScoreViewSet,
    ProcessingLogViewSet,
)

CANDIDATE = r"candidates/(?P<candidate_id>[^/.]+)"

router = SimpleRouter(trailing_slash=True)
router.register("candidates", CandidateViewSet, basename="candidate")
router.register(f"{CANDIDATE}/barriers", BarrierViewSet, basename="candidate-barrier")
router.register(f"{CANDIDATE}/ladder-scores", LadderScoreViewSet, basename="candidate-ladder-score")
router.register(f"{CANDIDATE}/consents", ConsentViewSet, basename="candidate-consent")
router.register(
    f"{CANDIDATE}/processing-log", ProcessingLogViewSet, basename="candidate-processing-log"
)
router.register(
    f"{CANDIDATE}/benefit-periods", BenefitPeriodViewSet, basename="candidate-benefit-period"
)

urlpatterns = router.urls
