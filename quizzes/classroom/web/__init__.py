"""`quiz serve`: the class in browsers. An ASGI app (Starlette) of plain HTML pages and
forms (Jinja2 templates), served by uvicorn in one process. Imported only by the serve
command and the tests: `import quizzes` never loads starlette or jinja2."""
