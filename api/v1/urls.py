from django.urls import path

from . import catalog, citizen, systems, tracking

app_name = "v1"

urlpatterns = [
    path("procedures/", catalog.ProcedureList.as_view(), name="procedures"),
    path("procedures/<int:pk>/", catalog.ProcedureDetail.as_view(), name="procedure"),
    path("tracking/", tracking.Tracking.as_view(), name="tracking"),
    path("me/dossiers/", citizen.MyDossiers.as_view(), name="my_dossiers"),
    path("me/dossiers/<int:pk>/", citizen.MyDossier.as_view(), name="my_dossier"),
    path("me/dossiers/<int:pk>/files/", citizen.Files.as_view(), name="files"),
    path("me/dossiers/<int:pk>/files/<int:file_id>/", citizen.FileItem.as_view(), name="file"),
    path("me/dossiers/<int:pk>/forms/<int:document_id>/", citizen.Declaration.as_view(), name="form"),
    path("me/dossiers/<int:pk>/submit/", citizen.Submit.as_view(), name="submit"),
    path("me/dossiers/<int:pk>/supplement/", citizen.Supplement.as_view(), name="supplement"),
    path("me/dossiers/<int:pk>/withdraw/", citizen.Withdraw.as_view(), name="withdraw"),
    path("me/dossiers/<int:pk>/results/<int:file_id>/", citizen.Result.as_view(), name="result"),
    path("system/dossiers/", systems.ChangedDossiers.as_view(), name="system_dossiers"),
    path("system/dossiers/<str:code>/", systems.DossierStatus.as_view(), name="system_dossier"),
    path("system/dossiers/<str:code>/events/", systems.DossierEvents.as_view(), name="system_events"),
    path("system/dossiers/<str:code>/transitions/<str:name>/", systems.Transition.as_view(), name="transition"),
]
