"""How the app is run as several processes behind nginx (README: "Several processes behind nginx")."""
