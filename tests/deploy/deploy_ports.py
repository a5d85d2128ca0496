"""The ports the deployment tests use on 127.0.0.1 (the load benchmark takes 8641-8643 and 8650)."""

APP_PORTS = [8651, 8652]
PROXY_PORT = 8655
