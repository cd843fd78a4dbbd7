from django.db import connections


class QueryCountMiddleware:
    """For `manage.py benchmark_pages` only (settings.BENCHMARK_MODE): a request that asks with
    the header X-Count-Queries is answered with X-Queries, the number of database queries it
    made. Without the header it costs nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_X_COUNT_QUERIES" not in request.META:
            return self.get_response(request)
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response
