def test_healthz_touches_the_database(client, count_queries):
    with count_queries() as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"
    assert queries.count >= 1


def test_coordinator_logs_in_and_sees_the_dashboard(client, create_coordinator):
    coordinator = create_coordinator(name="Marisol Vega")
    client.login(coordinator)
    page = client.get("/").get_data(as_text=True)
    assert "Welcome, Marisol Vega" in page
