"""Self-hosted publishing: staff `git push` to a bare repository on the server.

Layout of a server folder (created by ``portal server pasang``)::

    repo.git/             bare repository; hooks/pre-receive builds, hooks/post-receive publishes
    releases/<id>/        complete builds, one per accepted push; .portal-rilis.json inside
    live -> releases/<id> symlink nginx serves; swapped atomically (rename of a new symlink)
    work/                 checkouts and builds in progress; anything here is never served
    log/rilis.log         what happened, in Bahasa Indonesia, for staff
    portal-server.json    settings recorded at install time
    diturunkan.json       profiles taken down and not published since (blocks unsafe rollbacks)

Nothing here imports MkDocs: a release is built by running ``portal build`` in a
subprocess against a checkout of the pushed commit.
"""
