    String password = System.getenv("DB_PASSWORD");
    String token = props.getProperty("api.token");
    dataSource.setPassword(System.getenv("DB_PASSWORD"));
