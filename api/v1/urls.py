from django.urls import path

from government import converters  # noqa: F401 - registers <id:…>

from . import catalog, citizen, store, systems, tracking

app_name = "v1"

urlpatterns = [
    path("procedures/", catalog.ProcedureList.as_view(), name="procedures"),
    path("procedures/<id:pk>/", catalog.ProcedureDetail.as_view(), name="procedure"),
    path("tracking/", tracking.Tracking.as_view(), name="tracking"),
    path("me/dossiers/", citizen.MyDossiers.as_view(), name="my_dossiers"),
    path("me/dossiers/<id:pk>/", citizen.MyDossier.as_view(), name="my_dossier"),
    path("me/dossiers/<id:pk>/files/", citizen.Files.as_view(), name="files"),
    path("me/dossiers/<id:pk>/files/<id:file_id>/", citizen.FileItem.as_view(), name="file"),
    path("me/dossiers/<id:pk>/forms/<id:document_id>/", citizen.Declaration.as_view(), name="form"),
    path("me/dossiers/<id:pk>/submit/", citizen.Submit.as_view(), name="submit"),
    path("me/dossiers/<id:pk>/supplement/", citizen.Supplement.as_view(), name="supplement"),
    path("me/dossiers/<id:pk>/withdraw/", citizen.Withdraw.as_view(), name="withdraw"),
    path("me/dossiers/<id:pk>/results/<id:file_id>/", citizen.Result.as_view(), name="result"),
    path("me/dossiers/<id:pk>/reuse/", store.Reuse.as_view(), name="reuse"),
    path("me/store/", store.Store.as_view(), name="store"),
    path("me/store/<id:pk>/", store.StoreItem.as_view(), name="store_item"),
    path("me/store/<id:pk>/file/", store.StoreFile.as_view(), name="store_file"),
    path("system/dossiers/", systems.ChangedDossiers.as_view(), name="system_dossiers"),
    path("system/dossiers/<str:code>/", systems.DossierStatus.as_view(), name="system_dossier"),
    path("system/dossiers/<str:code>/events/", systems.DossierEvents.as_view(), name="system_events"),
    path("system/dossiers/<str:code>/transitions/<str:name>/", systems.Transition.as_view(), name="transition"),
]
