-- Indexes for the customer list's sorts and filters, so a page stays a short index walk at a
-- million customers.
CREATE INDEX customers_name ON customers(name, id);
CREATE INDEX customer_predictions_clv ON customer_predictions(clv DESC, customer_id);
CREATE INDEX customer_predictions_p_alive ON customer_predictions(p_alive DESC, customer_id);
CREATE INDEX customer_predictions_recent ON customer_predictions((age - recency), customer_id);
CREATE INDEX customer_predictions_risk ON customer_predictions(churn_risk);
