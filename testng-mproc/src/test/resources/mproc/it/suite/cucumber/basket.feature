Feature: Basket
  Scenario: An empty basket costs nothing
    Given a basket with 0 apples
    Then it costs 0

  Scenario: Apples cost 2 each
    Given a basket with 3 apples
    Then it costs 6
