CREATE TABLE init_items (id INT PRIMARY KEY, name VARCHAR(50));
INSERT INTO init_items VALUES (1, 'from flyway');
