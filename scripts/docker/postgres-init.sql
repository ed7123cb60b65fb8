-- The test suites keep their rows apart from the service's, as with the local stack.
CREATE DATABASE order_saga_test;
