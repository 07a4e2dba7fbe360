-- Indexes for the customer list's sorts and filters, so a page stays a short index walk at a
-- million customers. Names sort in byte order (COLLATE "C"), as in the SQLite backend.
CREATE INDEX customers_name ON customers((name COLLATE "C"), id);
CREATE INDEX customer_predictions_clv ON customer_predictions(clv DESC, customer_id);
CREATE INDEX customer_predictions_p_alive ON customer_predictions(p_alive DESC, customer_id);
CREATE INDEX customer_predictions_recent ON customer_predictions((age - recency), customer_id);
CREATE INDEX customer_predictions_risk ON customer_predictions(churn_risk);
